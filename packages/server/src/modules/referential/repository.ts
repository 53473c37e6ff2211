import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/** Every appellation with its fiche label, for the in-memory autocomplete index. */
export async function loadAppellationsForIndex(db: Db) {
  return db
    .selectFrom("rome_appellations as a")
    .innerJoin("rome_fiches as f", "f.rome_code", "a.rome_code")
    .select(["a.code_ogr", "a.label", "a.rome_code", "a.principal", "a.rarely_used", "f.label as rome_label"])
    .execute();
}

/** When a reference dataset was last (re)loaded: the autocomplete indexes rebuild when it moves. */
export async function findDatasetLoadedAt(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom("reference_datasets").select("loaded_at").where("name", "=", name).executeTakeFirst();
  return row ? new Date(row.loaded_at).toISOString() : "";
}

export async function findAppellation(db: Db, codeOgr: string) {
  return db
    .selectFrom("rome_appellations")
    .select(["code_ogr", "label", "rome_code"])
    .where("code_ogr", "=", codeOgr)
    .executeTakeFirst();
}

export async function findRomeFiche(db: Db, romeCode: string) {
  return db.selectFrom("rome_fiches").selectAll().where("rome_code", "=", romeCode).executeTakeFirst();
}

export async function findRomeSkills(db: Db, romeCode: string) {
  return db
    .selectFrom("rome_skills")
    .select(["code_ogr", "kind", "label", "core"])
    .where("rome_code", "=", romeCode)
    .orderBy("position")
    .execute();
}

export async function findRomeAppellations(db: Db, romeCode: string) {
  return db
    .selectFrom("rome_appellations")
    .select(["code_ogr", "label", "principal"])
    .where("rome_code", "=", romeCode)
    .orderBy("principal", "desc")
    .orderBy("label")
    .execute();
}

/** Close jobs of a fiche (ROME mobilities, nearest first) with the principal title of each. */
export async function findCloseJobs(db: Db, romeCode: string, limit: number) {
  return db
    .selectFrom("rome_mobilities as m")
    .innerJoin("rome_fiches as f", "f.rome_code", "m.target_rome_code")
    .innerJoin("rome_appellations as a", (join) =>
      join.onRef("a.rome_code", "=", "m.target_rome_code").on("a.principal", "=", true),
    )
    .select(["m.target_rome_code as rome_code", "f.label", "a.code_ogr", "a.label as appellation_label"])
    .where("m.rome_code", "=", romeCode)
    .orderBy("m.rank")
    .orderBy("a.code_ogr")
    .limit(limit)
    .execute();
}

export async function findDatasetVersion(db: Db, name: string) {
  const row = await db.selectFrom("reference_datasets").select("version").where("name", "=", name).executeTakeFirst();
  return row?.version;
}

const communeColumns = [
  "c.insee_code",
  "c.name",
  "c.postal_codes",
  "c.departement_code",
  "d.name as departement_name",
  "c.lat",
  "c.lon",
  "c.kind",
] as const;

/** Every commune (with its département name and population), for the in-memory autocomplete index. */
export async function loadCommunesForIndex(db: Db) {
  return db
    .selectFrom("communes as c")
    .innerJoin("departements as d", "d.code", "c.departement_code")
    .select([...communeColumns, "c.population"])
    .execute();
}

/** Communes serving a postal code; a city with arrondissements comes before its arrondissements. */
export async function searchCommunesByPostalCode(db: Db, postalCode: string, limit: number) {
  return db
    .selectFrom("communes as c")
    .innerJoin("departements as d", "d.code", "c.departement_code")
    .select(communeColumns)
    .where(sql<boolean>`c.postal_codes @> array[${postalCode}]::text[]`)
    .orderBy(sql`c.kind = 'city_with_arrondissements'`, "desc")
    .orderBy("c.population", "desc")
    .limit(limit)
    .execute();
}

/**
 * The commune whose centre is nearest to a point, within `radiusKm`. Read in a latitude/longitude
 * box first (35,000 rows, no geo index needed), then ordered by great-circle distance.
 */
export async function findNearestCommune(db: Db, lat: number, lon: number, radiusKm: number) {
  const dLat = radiusKm / 111;
  const dLon = radiusKm / (111 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  const point = sql`ll_to_earth(${lat}, ${lon})`;
  return db
    .selectFrom("communes as c")
    .innerJoin("departements as d", "d.code", "c.departement_code")
    .select(communeColumns)
    .where("c.lat", ">=", lat - dLat)
    .where("c.lat", "<=", lat + dLat)
    .where("c.lon", ">=", lon - dLon)
    .where("c.lon", "<=", lon + dLon)
    .where(sql<boolean>`earth_distance(ll_to_earth(c.lat, c.lon), ${point}) <= ${radiusKm * 1000}`)
    .orderBy(sql`earth_distance(ll_to_earth(c.lat, c.lon), ${point})`)
    .limit(1)
    .executeTakeFirst();
}

export async function listOpcos(db: Db) {
  return db.selectFrom("opcos").select(["id", "name", "full_name"]).orderBy("name").execute();
}

export async function findNaf(db: Db, code: string) {
  return db
    .selectFrom("naf_codes as n")
    .innerJoin("naf_sections as s", "s.code", "n.section_code")
    .select(["n.code", "n.label", "s.code as section_code", "s.label as section_label"])
    .where("n.code", "=", code)
    .executeTakeFirst();
}

export async function listDiplomaLevels(db: Db) {
  return db.selectFrom("diploma_levels").selectAll().orderBy("level").execute();
}
