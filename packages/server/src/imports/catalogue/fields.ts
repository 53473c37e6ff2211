/**
 * The two shapes the national apprenticeship catalogue is found in, read into one set of fields:
 * - "catalogue": the flat records of the catalogue export / RCO flow (`etablissement_formateur_siret`,
 *   `cfd`, `rncp_code`, `etablissement_lieu_formation_geo_coordonnees` or `lieu_formation_geo_coordonnees`…);
 * - "lba": the La bonne alternance API v1 "formations" (`company.siret`, `place.latitude`, `romes[].code`…).
 * Nothing is decided here (no fallback, no check): the mapper does that for both shapes at once.
 */
export interface SourceFields {
  source: "catalogue" | "lba";
  sourceKey: string | null;
  organisation: {
    siret: string | null;
    uai: string | null;
    name: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    inseeCode: string | null;
    geo: [number, number] | null;
    emails: Array<string | null>;
    qualityCertified: boolean | null;
  };
  title: string | null;
  cfd: string | null;
  rncpCode: string | null;
  level: string | number | null;
  place: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    inseeCode: string | null;
    geo: [number, number] | null;
  };
  romeCodes: string[];
  periods: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A trimmed, non-empty string (numbers accepted, as some exports write codes as numbers); else null. */
export function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

const first = (...values: unknown[]): string | null => {
  for (const v of values) {
    const t = text(v);
    if (t !== null) return t;
  }
  return null;
};

const bool = (...values: unknown[]): boolean | null => {
  for (const v of values) if (typeof v === "boolean") return v;
  return null;
};

/** "43.5614,5.5248" (the catalogue's form) or two separate values → [lat, lon], when plausible. */
export function coordinates(value: unknown, lon?: unknown): [number, number] | null {
  let pair: unknown[];
  if (lon !== undefined) pair = [value, lon];
  else if (typeof value === "string") pair = value.split(",");
  else if (Array.isArray(value)) pair = value;
  else return null;
  if (pair.length !== 2) return null;
  const [lat, lng] = pair.map((p) => (typeof p === "number" ? p : Number(String(p ?? "").trim())));
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return [lat, lng];
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") {
    // The LBA API writes periods as a JSON string: "[\"2021-09\", \"2021-10\"]".
    if (value.trim().startsWith("[")) {
      try {
        return stringList(JSON.parse(value));
      } catch {
        return [];
      }
    }
    return value.split(/[,;]/).flatMap((s) => text(s) ?? []);
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (isObject(v)) return first(v.code, v.rome) ?? [];
    return text(v) ?? [];
  });
}

/** True when the record looks like a La bonne alternance API result rather than a catalogue record. */
export function isLbaRecord(record: Json): boolean {
  return isObject(record.place) || isObject(record.company) || record.ideaType === "formation";
}

function catalogueFields(r: Json): SourceFields {
  const sameAsManager =
    text(r.etablissement_gestionnaire_siret) !== null &&
    text(r.etablissement_gestionnaire_siret) === text(r.etablissement_formateur_siret);
  const idPair = text(r.id_formation) && text(r.id_action) ? `${text(r.id_formation)}|${text(r.id_action)}` : null;
  const rncpDetails = isObject(r.rncp_details) ? r.rncp_details : {};
  return {
    source: "catalogue",
    sourceKey: first(r.cle_ministere_educatif, r.id_rco_formation, idPair),
    organisation: {
      siret: first(r.etablissement_formateur_siret, r.etablissement_gestionnaire_siret),
      uai: first(r.etablissement_formateur_uai, sameAsManager ? r.etablissement_gestionnaire_uai : null),
      name: first(
        r.etablissement_formateur_enseigne,
        r.etablissement_formateur_entreprise_raison_sociale,
        sameAsManager ? r.etablissement_gestionnaire_enseigne : null,
        sameAsManager ? r.etablissement_gestionnaire_entreprise_raison_sociale : null,
      ),
      street: first(r.etablissement_formateur_adresse),
      postalCode: first(r.etablissement_formateur_code_postal),
      city: first(r.etablissement_formateur_localite),
      inseeCode: first(r.etablissement_formateur_code_insee, r.etablissement_formateur_code_commune_insee),
      geo: coordinates(r.geo_coordonnees_etablissement_formateur ?? r.etablissement_formateur_geo_coordonnees),
      emails: [first(r.etablissement_formateur_courriel), first(r.email), first(r.etablissement_gestionnaire_courriel)],
      qualityCertified: bool(
        r.etablissement_formateur_certifie_qualite,
        r.etablissement_reference_certifie_qualite,
        r.etablissement_gestionnaire_certifie_qualite,
      ),
    },
    title: first(r.intitule_long, r.intitule_formation, r.intitule_rco, r.nom, r.intitule_court),
    cfd: first(r.cfd),
    rncpCode: first(r.rncp_code),
    level: first(r.niveau),
    place: {
      street: first(r.lieu_formation_adresse, r.etablissement_lieu_formation_adresse),
      postalCode: first(r.code_postal, r.etablissement_lieu_formation_code_postal),
      city: first(r.localite),
      inseeCode: first(r.code_commune_insee, r.etablissement_lieu_formation_code_insee),
      geo: coordinates(r.lieu_formation_geo_coordonnees ?? r.etablissement_lieu_formation_geo_coordonnees),
    },
    romeCodes: [...stringList(r.rome_codes), ...stringList(rncpDetails.romes)],
    periods: stringList(r.periode).length > 0 ? stringList(r.periode) : stringList(r.date_debut),
  };
}

function lbaFields(r: Json): SourceFields {
  const company = isObject(r.company) ? r.company : {};
  const companyPlace = isObject(company.place) ? company.place : {};
  const place = isObject(r.place) ? r.place : {};
  const contact = isObject(r.contact) ? r.contact : {};
  return {
    source: "lba",
    sourceKey: first(r.id, r.idRcoFormation),
    organisation: {
      siret: first(company.siret),
      uai: first(company.uai),
      name: first(company.name),
      street: null,
      postalCode: null,
      city: first(companyPlace.city),
      inseeCode: null,
      geo: null,
      emails: [first(contact.email)],
      // The API only serves trainings published in the catalogue; it does not repeat the flag.
      qualityCertified: null,
    },
    title: first(r.longTitle, r.title),
    cfd: first(r.cfd),
    rncpCode: first(r.rncpCode),
    level: first(r.diplomaLevel),
    place: {
      street: first(place.address),
      postalCode: first(place.zipCode),
      city: first(place.city),
      inseeCode: first(place.insee),
      geo: coordinates(place.latitude, place.longitude),
    },
    romeCodes: stringList(r.romes),
    periods: stringList(r.period),
  };
}

/** The fields of one record of either shape; null when the element is not a JSON object. */
export function readSourceFields(record: unknown): SourceFields | null {
  if (!isObject(record)) return null;
  return isLbaRecord(record) ? lbaFields(record) : catalogueFields(record);
}
