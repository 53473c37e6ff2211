import { sql } from "kysely";
import type { Db, Point } from "./catalogue-repository.js";
import { boxOf, cubeOf } from "./earth.js";

export interface RankedKey {
  key: string;
  rank: number;
}

/** A training near the point under a key: its organisation, and its straight-line (chord) distance. */
export interface NearTraining {
  siret: string;
  rank: number;
  chord: number;
}

/** A training of a chosen organisation under one of the keys (a row per key it is indexed under). */
export interface KeyedTrainingRow {
  id: string;
  siret: string;
  key: string;
  title: string;
  diploma_level: number | null;
  cfd: string | null;
  rncp_code: string | null;
  city: string | null;
  postal_code: string | null;
  lat: number;
  lon: number;
}

/**
 * Rows of the lookup table under `key` inside the radius's box, nearest first: a KNN walk (`<->`)
 * on the (key, ll_to_earth) GiST from the point outwards. Centre and box are cube literals (earth.ts).
 */
export function nearestKeys(key: string, point: Point, radiusMeters: number, limit: number, offset = 0) {
  const center = cubeOf(point);
  return sql`
    select training_id, ll_to_earth(lat, lon) <-> ${center}::cube as chord
    from training_rome_keys
    where key = ${key} and ${boxOf(point, radiusMeters)}::cube @> ll_to_earth(lat, lon)
    order by ll_to_earth(lat, lon) <-> ${center}::cube
    limit ${limit}::int offset ${offset}::int`;
}

/**
 * The `limit` trainings nearest to the point under each key (offset `offset`), with their
 * organisation: one statement, one KNN walk per key. Kept to two tables, as planning joins costs
 * PGlite more than running them.
 */
export async function nearestTrainings(
  db: Db,
  point: Point,
  keys: readonly RankedKey[],
  radiusMeters: number,
  page: { limit: number; offset: number },
): Promise<NearTraining[]> {
  if (keys.length === 0) return [];
  const walks = keys.map(
    ({ key, rank }) =>
      sql`select ${rank}::int as rank, training_id, chord from (${nearestKeys(key, point, radiusMeters, page.limit, page.offset)}) w`,
  );
  const result = await sql<NearTraining>`
    select t.organisation_siret as siret, n.rank, n.chord
    from (${sql.join(walks, sql` union all `)}) n
    join trainings t on t.id = n.training_id
  `.execute(db);
  return result.rows.map((r) => ({ siret: r.siret, rank: Number(r.rank), chord: Number(r.chord) }));
}

/** Which of these organisations a company may write to (certified, with an address, not opted out). */
export async function contactableOrganisations(db: Db, sirets: readonly string[]) {
  if (sirets.length === 0) return [];
  return db
    .selectFrom("training_organisations")
    .select(["siret", "name", "uai", "city", "postal_code"])
    .where("siret", "in", [...sirets])
    .where("quality_certified", "=", true)
    .where("requests_opted_out_at", "is", null)
    .where("email", "is not", null)
    .execute();
}

/** The trainings of these organisations indexed under one of the keys (distances are the caller's). */
export async function trainingsUnderKeys(db: Db, sirets: readonly string[], keys: readonly RankedKey[]) {
  if (sirets.length === 0 || keys.length === 0) return [];
  const result = await sql<KeyedTrainingRow>`
    select t.id, t.organisation_siret as siret, k.key, t.title, t.diploma_level, t.cfd, t.rncp_code, t.city,
      t.postal_code, t.lat, t.lon
    from trainings t
    join training_rome_keys k on k.training_id = t.id
    where t.organisation_siret in (${sql.join(sirets.map((s) => sql`${s}`))})
      and k.key in (${sql.join(keys.map((k) => sql`${k.key}`))})
  `.execute(db);
  return result.rows;
}
