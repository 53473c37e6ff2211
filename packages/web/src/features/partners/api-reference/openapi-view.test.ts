import { describe, expect, it } from "vitest";
import {
  describeAuth,
  describeDetails,
  describeType,
  flattenFields,
  groupOperations,
  type OpenApiDocument,
  slug,
} from "./openapi-view.js";

const doc: OpenApiDocument = {
  "x-rate-limit-per-minute": 120,
  components: {
    schemas: {
      Company: {
        type: "object",
        properties: {
          name: { type: "string", description: "Raison sociale" },
          city: { type: ["string", "null"] },
          parent: { $ref: "#/components/schemas/Company" },
        },
        required: ["name"],
      },
    },
  },
  paths: {
    "/api/v1/admin/things": {
      get: { summary: "Admin", tags: ["Administration"], security: [{ session: [] }] },
    },
    "/api/v1/jobs/search": {
      get: {
        summary: "Chercher",
        tags: ["Recherche"],
        "x-rate-limit-per-minute": 30,
        parameters: [
          { name: "radius", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 30 } },
          { name: "romes", in: "query", required: true, schema: { type: "string" }, description: "Codes ROME" },
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { companies: { type: "array", items: { $ref: "#/components/schemas/Company" } } },
                },
              },
            },
          },
          "400": { content: { "application/json": { schema: {} } } },
        },
      },
    },
    "/api/v1/offers": {
      post: {
        summary: "Déposer",
        tags: ["Offres"],
        security: [{ session: [] }, { apiKey: ["offers:write"] }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Company" } } } },
        responses: { "204": {} },
      },
    },
  },
};

describe("groupOperations", () => {
  const tags = groupOperations(doc);

  it("puts what partners use first and the back-office routes after", () => {
    expect(tags.map((tag) => tag.name)).toEqual(["Recherche", "Offres", "Administration"]);
  });

  it("gives each route its limit, its own or the document's default", () => {
    const search = tags[0]?.operations[0];
    const offers = tags[1]?.operations[0];
    expect(search?.rateLimit).toMatch(/^30 requêtes par minute .*limite propre/);
    expect(offers?.rateLimit).toMatch(/^120 requêtes par minute/);
    expect(offers?.rateLimit).not.toMatch(/limite propre/);
  });

  it("describes parameters in French with their constraints", () => {
    const [radius, romes] = tags[0]?.operations[0]?.parameters ?? [];
    expect(radius).toMatchObject({ name: "radius", where: "requête", type: "entier", required: false });
    expect(radius?.details).toEqual(["De 1 à 200.", "Par défaut : 30."]);
    expect(romes).toMatchObject({ required: true, details: ["Codes ROME"] });
  });

  it("flattens the response fields through lists and references, without looping on a recursive schema", () => {
    const response = tags[0]?.operations[0]?.response;
    expect(response?.status).toBe("200");
    const fields = response?.body?.fields ?? [];
    expect(fields.map((field) => `${field.depth}:${field.name}`)).toEqual([
      "0:companies",
      "1:name",
      "1:city",
      "1:parent",
    ]);
    expect(fields[0]?.type).toBe("liste de objet Company");
    expect(fields[2]?.type).toBe("texte ou null");
    expect(fields[1]).toMatchObject({ required: true, details: ["Raison sociale"] });
  });

  it("says a body-less answer and a request body", () => {
    const offers = tags[1]?.operations[0];
    expect(offers?.response).toEqual({ status: "204", body: null });
    expect(offers?.request?.contentType).toBe("application/json");
    expect(offers?.request?.fields.map((field) => field.name)).toContain("parent");
    expect(offers?.id).toBe("post-api-v1-offers");
  });
});

describe("describeAuth", () => {
  it("names the ways to call a route", () => {
    expect(describeAuth(undefined)).toBe("Sans authentification.");
    expect(describeAuth([{ session: [] }])).toBe("Personne connectée à Tremplin (cookie de session).");
    expect(describeAuth([{}, { apiKey: ["applications:write"] }])).toBe(
      "Sans authentification, ou clé d'API partenaire avec la portée applications:write.",
    );
  });
});

describe("describeType and describeDetails", () => {
  it("hides zod's safe-integer bounds and reads formats and enums", () => {
    expect(describeDetails({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 })).toEqual([]);
    expect(describeType(doc, { type: "string", format: "date-time" })).toBe("texte (date et heure ISO 8601)");
    expect(describeDetails({ type: "string", enum: ["apprentissage", "professionnalisation"] })).toEqual([
      'Valeurs possibles : "apprentissage", "professionnalisation".',
    ]);
    expect(describeType(doc, { anyOf: [{ type: "integer" }, { type: "null" }] })).toBe("entier ou null");
  });

  it("makes anchors from tag names", () => {
    expect(slug("Diffusion (partenaires)")).toBe("diffusion-partenaires");
    expect(slug("Administration de l'algorithme")).toBe("administration-de-l-algorithme");
  });

  it("expands nothing that is not an object", () => {
    expect(flattenFields(doc, { type: "string" })).toEqual([]);
  });
});
