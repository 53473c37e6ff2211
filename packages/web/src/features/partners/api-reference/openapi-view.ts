/**
 * Turns the server's OpenAPI 3.1 document (/api/docs/openapi.json, generated from the contracts) into
 * what the reference page shows: operations grouped by tag, each with its authentication, rate
 * limit, parameters and the fields of its request and response bodies, described in French. Pure:
 * the page fetches the document, this reads it, so that the page is never out of step with the API.
 */

// The parts of OpenAPI the page reads; anything else in the document is ignored.
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
  "x-rate-limit-per-minute"?: number;
}

export interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
  "x-rate-limit-per-minute"?: number;
}

/** One field of a body, flattened with its depth (« company.name » is the child of « company »). */
export interface FieldView {
  name: string;
  depth: number;
  type: string;
  required: boolean;
  details: string[];
}

export interface ParameterView {
  name: string;
  where: string;
  type: string;
  required: boolean;
  details: string[];
}

export interface BodyView {
  contentType: string;
  /** Empty for a body that is not JSON (a file, CSV, NDJSON): the content type says it all. */
  fields: FieldView[];
  /** « liste de … » when the body is a list, else null (then fields describe the object). */
  summary: string | null;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  auth: string;
  rateLimit: string;
  parameters: ParameterView[];
  request: BodyView | null;
  response: { status: string; body: BodyView | null } | null;
}

export interface TagView {
  id: string;
  name: string;
  operations: OperationView[];
}

const methods = ["get", "post", "put", "patch", "delete"] as const;

/**
 * Tags in the order a partner reads them: what serves partners first (search, offers, diffusion,
 * applications…), then the routes of the web app's own spaces, then anything new, alphabetically.
 */
const tagOrder = [
  "Recherche",
  "Offres",
  "Diffusion (partenaires)",
  "Candidatures",
  "Formations",
  "Entreprises qui recrutent",
  "Entreprises",
  "Référentiels",
  "Signalements",
];

/** « Diffusion (partenaires) » → « diffusion-partenaires »: an anchor for the table of contents. */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return doc.components?.schemas?.[refName(schema.$ref)] ?? {};
  return schema;
}

const typeWords: Record<string, string> = {
  string: "texte",
  integer: "entier",
  number: "nombre",
  boolean: "booléen",
  object: "objet",
  array: "liste",
  null: "null",
};

const formatWords: Record<string, string> = {
  "date-time": "date et heure ISO 8601",
  date: "date AAAA-MM-JJ",
  email: "adresse e-mail",
  uri: "URL",
  uuid: "identifiant UUID",
  binary: "fichier",
};

/** JavaScript's safe-integer bounds that zod writes on every int: no information for a reader. */
const meaninglessBound = 9_007_199_254_740_991;

function isNullSchema(schema: JsonSchema): boolean {
  return schema.type === "null";
}

/** The schema's type in French: « texte », « entier ou null », « liste de SearchOffer », « valeur parmi … ». */
export function describeType(doc: OpenApiDocument, raw: JsonSchema | undefined): string {
  if (!raw) return "quelconque";
  if (raw.$ref) return `objet ${refName(raw.$ref).replace(/Input$/, "")}`;
  const variants = raw.anyOf ?? raw.oneOf;
  if (variants) {
    const words = [...new Set(variants.map((variant) => describeType(doc, variant)))];
    return words.join(" ou ");
  }
  if (raw.allOf?.length === 1) return describeType(doc, raw.allOf[0]);
  if (raw.const !== undefined) return `la valeur ${JSON.stringify(raw.const)}`;
  const types = Array.isArray(raw.type) ? raw.type : raw.type ? [raw.type] : [];
  const words = types.map((type) => {
    if (type === "array") return `liste de ${describeType(doc, raw.items)}`;
    if (type === "string" && raw.format && formatWords[raw.format]) return `texte (${formatWords[raw.format]})`;
    return typeWords[type] ?? type;
  });
  if (words.length === 0) return raw.properties ? "objet" : "quelconque";
  return words.join(" ou ");
}

/** Constraints and hints worth a word: allowed values, bounds, lengths, default, example, description. */
export function describeDetails(raw: JsonSchema | undefined, description?: string): string[] {
  if (!raw) return description ? [description] : [];
  const details: string[] = [];
  const text = description ?? raw.description;
  if (text) details.push(text);
  const enumValues = raw.enum ?? raw.anyOf?.flatMap((variant) => variant.enum ?? []);
  if (enumValues && enumValues.length > 0)
    details.push(`Valeurs possibles : ${enumValues.map((value) => JSON.stringify(value)).join(", ")}.`);
  const min = raw.minimum !== undefined && Math.abs(raw.minimum) !== meaninglessBound ? raw.minimum : undefined;
  const max = raw.maximum !== undefined && Math.abs(raw.maximum) !== meaninglessBound ? raw.maximum : undefined;
  if (min !== undefined && max !== undefined) details.push(`De ${min} à ${max}.`);
  else if (min !== undefined) details.push(`Au moins ${min}.`);
  else if (max !== undefined) details.push(`Au plus ${max}.`);
  if (raw.minLength !== undefined && raw.minLength > 0 && raw.maxLength !== undefined)
    details.push(`De ${raw.minLength} à ${raw.maxLength} caractères.`);
  else if (raw.maxLength !== undefined) details.push(`${raw.maxLength} caractères au plus.`);
  else if (raw.minLength !== undefined && raw.minLength > 0) details.push(`${raw.minLength} caractères au moins.`);
  if (raw.maxItems !== undefined) details.push(`${raw.maxItems} éléments au plus.`);
  if (raw.pattern && raw.pattern.length <= 40) details.push(`Forme : ${raw.pattern}`);
  if (raw.default !== undefined) details.push(`Par défaut : ${JSON.stringify(raw.default)}.`);
  if (raw.example !== undefined) details.push(`Exemple : ${JSON.stringify(raw.example)}.`);
  return details;
}

/** The object behind a schema, looking through a nullable union and a list. */
function objectOf(doc: OpenApiDocument, raw: JsonSchema | undefined, seen: Set<JsonSchema>): JsonSchema | null {
  const schema = resolve(doc, raw);
  if (seen.has(schema)) return null;
  const variants = (schema.anyOf ?? schema.oneOf)?.filter((variant) => !isNullSchema(variant));
  if (variants?.length === 1) return objectOf(doc, variants[0], seen);
  if (schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array")))
    return objectOf(doc, schema.items, seen);
  return schema.properties ? schema : null;
}

/** Every field of an object, children indented under their parent; a schema met again is not re-expanded. */
export function flattenFields(
  doc: OpenApiDocument,
  raw: JsonSchema | undefined,
  depth = 0,
  seen = new Set<JsonSchema>(),
): FieldView[] {
  const schema = objectOf(doc, raw, seen);
  if (!schema?.properties || depth > 4) return [];
  const inner = new Set(seen).add(schema);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([name, property]) => [
    {
      name,
      depth,
      type: describeType(doc, property),
      required: required.has(name),
      details: describeDetails(resolve(doc, property), property.description),
    },
    ...flattenFields(doc, property, depth + 1, inner),
  ]);
}

function bodyView(doc: OpenApiDocument, content: Record<string, { schema?: JsonSchema }> | undefined): BodyView | null {
  const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!contentType) return null;
  const json = contentType.includes("json") || contentType.startsWith("multipart/");
  const schema = resolve(doc, media?.schema);
  const isList = schema.type === "array";
  return {
    contentType,
    fields: json ? flattenFields(doc, media?.schema) : [],
    summary: json && isList ? describeType(doc, schema) : null,
  };
}

const schemeWords = (scopes: string[]) =>
  scopes.length > 0 ? `clé d'API partenaire avec la portée ${scopes.join(" ou ")}` : "clé d'API partenaire";

/** Who may call: « Sans authentification », « Personne connectée (cookie de session) ou clé d'API… ». */
export function describeAuth(security: Record<string, string[]>[] | undefined): string {
  if (!security || security.length === 0) return "Sans authentification.";
  const ways = security.map((requirement) => {
    const entries = Object.entries(requirement);
    if (entries.length === 0) return "sans authentification";
    return entries
      .map(([scheme, scopes]) =>
        scheme === "session" ? "personne connectée à Tremplin (cookie de session)" : schemeWords(scopes),
      )
      .join(" et ");
  });
  const sentence = ways.join(", ou ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

export function describeRateLimit(perMinute: number | undefined, fallback: number | undefined): string {
  const limit = perMinute ?? fallback;
  if (!limit) return "Pas de limite propre à cette route.";
  const own = perMinute !== undefined ? " (limite propre à cette route)" : "";
  return `${limit} requêtes par minute et par adresse IP${own} ; avec une clé d'API, le débit de la clé.`;
}

const parameterPlaces: Record<string, string> = {
  query: "requête",
  path: "chemin",
  header: "en-tête",
  cookie: "cookie",
};

function operationView(doc: OpenApiDocument, method: string, path: string, operation: OpenApiOperation): OperationView {
  const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith("2"));
  return {
    id: slug(`${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: operation.summary ?? `${method.toUpperCase()} ${path}`,
    description: operation.description ?? null,
    auth: describeAuth(operation.security),
    rateLimit: describeRateLimit(operation["x-rate-limit-per-minute"], doc["x-rate-limit-per-minute"]),
    parameters: (operation.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      where: parameterPlaces[parameter.in] ?? parameter.in,
      type: describeType(doc, parameter.schema),
      required: parameter.required === true,
      details: describeDetails(parameter.schema, parameter.description),
    })),
    request: bodyView(doc, operation.requestBody?.content),
    response: success ? { status: success[0], body: bodyView(doc, success[1].content) } : null,
  };
}

/** The document's operations grouped by their first tag, in reading order. */
export function groupOperations(doc: OpenApiDocument): TagView[] {
  const byTag = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Autres";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationView(doc, method, path, operation)]);
    }
  }
  const rank = (tag: string) => {
    const index = tagOrder.indexOf(tag);
    return index === -1 ? tagOrder.length : index;
  };
  return [...byTag.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "fr"))
    .map((name) => ({ id: slug(name), name, operations: byTag.get(name) ?? [] }));
}

/** The error shape every route answers with, from the document's Error schema. */
export function errorFields(doc: OpenApiDocument): FieldView[] {
  const schemas = doc.components?.schemas ?? {};
  const error = schemas.Error ?? schemas.ErrorInput;
  return error ? flattenFields(doc, error) : [];
}
