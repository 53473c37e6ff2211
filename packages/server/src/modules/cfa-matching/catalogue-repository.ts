import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { TrainingSearchRow } from "./presenter.js";

export type Db = Kysely<Database>;

export interface Point {
  lat: number;
  lon: number;
}

/** A training that matched one of the keys, with the best rank among the keys it matched. */
export interface TrainingHit {
  siret: string;
  training_id: string;
  rank: number;
  distance: number;
}

/**
 * Trainings within `radiusMeters` indexed under one of `keys`: one equality-plus-box lookup per key
 * on the (key, ll_to_earth) GiST index, then the exact distance. `contactable` keeps only the
 * organisations a company may write to: quality-certified, with an address, not opted out.
 */
export async function findTrainingHits(
  db: Db,
  point: Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
  options: { contactable: boolean },
): Promise<TrainingHit[]> {
  if (keys.length === 0) return [];
  const center = sql`ll_to_earth(${point.lat}::float8, ${point.lon}::float8)`;
  const lookups = keys.map(
    ({ key, rank }) => sql`
      select training_id, ${rank}::int as rank, earth_distance(${center}, ll_to_earth(lat, lon)) as distance
      from training_rome_keys
      where key = ${key} and earth_box(${center}, ${radiusMeters}::float8) @> ll_to_earth(lat, lon)`,
  );
  const organisationFilter = options.contactable
    ? sql`and o.quality_certified and o.requests_opted_out_at is null and o.email is not null`
    : sql`and o.quality_certified`;
  const result = await sql<TrainingHit>`
    select t.organisation_siret as siret, h.training_id, min(h.rank)::int as rank, min(h.distance) as distance
    from (${sql.join(lookups, sql` union all `)}) h
    join trainings t on t.id = h.training_id
    join training_organisations o on o.siret = t.organisation_siret
    where h.distance <= ${radiusMeters}::float8 ${organisationFilter}
    group by t.organisation_siret, h.training_id
  `.execute(db);
  return result.rows.map((r) => ({ ...r, rank: Number(r.rank), distance: Number(r.distance) }));
}

export async function findTrainingsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("trainings")
    .select([
      "id",
      "title",
      "cfd",
      "rncp_code",
      "diploma_level",
      "street",
      "postal_code",
      "city",
      "insee_code",
      "lat",
      "lon",
      "rome_codes",
      "start_months",
      "organisation_siret",
    ])
    .where("id", "in", [...ids])
    .execute();
}

export async function findOrganisations(db: Db, sirets: readonly string[]) {
  if (sirets.length === 0) return [];
  return db
    .selectFrom("training_organisations")
    .selectAll()
    .where("siret", "in", [...sirets])
    .execute();
}

export async function findOrganisation(db: Db, siret: string) {
  return db.selectFrom("training_organisations").selectAll().where("siret", "=", siret).executeTakeFirst();
}

/** Opts an organisation out (now) or back in (null); returns whether it changed. */
export async function setOptOut(db: Db, siret: string, optedOutAt: Date | null): Promise<boolean> {
  const result = await db
    .updateTable("training_organisations")
    .set({ requests_opted_out_at: optedOutAt })
    .where("siret", "=", siret)
    .where("requests_opted_out_at", optedOutAt ? "is" : "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The ROME 4.0 fiche of an offer's job, with its classic parent and its domain. */
export async function findFiche(db: Db, romeCode: string) {
  return db
    .selectFrom("rome_fiches")
    .select(["rome_code", "label", "parent_rome_code", "domain_code"])
    .where("rome_code", "=", romeCode)
    .executeTakeFirst();
}

/** Classic parents of the given codes (codes that are not ROME 4.0 fiches have none). */
export async function findParents(db: Db, romeCodes: readonly string[]) {
  if (romeCodes.length === 0) return [];
  return db
    .selectFrom("rome_fiches")
    .select(["rome_code", "parent_rome_code"])
    .where("rome_code", "in", [...romeCodes])
    .execute();
}

/**
 * Trainings for a candidate: indexed under one of `keys` within the radius, of certified
 * organisations, optionally of one diploma level; nearest first, the exact code first at equal
 * distance.
 */
export async function searchTrainingRows(
  db: Db,
  point: Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
  options: { diplomaLevel?: number | undefined; limit: number },
) {
  if (keys.length === 0) return [];
  const center = sql`ll_to_earth(${point.lat}::float8, ${point.lon}::float8)`;
  const lookups = keys.map(
    ({ key, rank }) => sql`
      select training_id, ${rank}::int as rank, earth_distance(${center}, ll_to_earth(lat, lon)) as distance
      from training_rome_keys
      where key = ${key} and earth_box(${center}, ${radiusMeters}::float8) @> ll_to_earth(lat, lon)`,
  );
  const level = options.diplomaLevel === undefined ? sql`` : sql`and t.diploma_level = ${options.diplomaLevel}::int`;
  const result = await sql<TrainingSearchRow>`
    with hits as (
      select training_id, min(rank)::int as rank, min(distance) as distance
      from (${sql.join(lookups, sql` union all `)}) h
      where distance <= ${radiusMeters}::float8
      group by training_id
    )
    select t.id, t.title, t.cfd, t.rncp_code, t.diploma_level, t.rome_codes, t.street, t.postal_code, t.city,
      t.insee_code, t.lat, t.lon, t.start_months, t.organisation_siret, o.name as organisation_name,
      o.uai as organisation_uai, h.rank, round((h.distance / 1000)::numeric, 1)::float8 as distance_km
    from hits h
    join trainings t on t.id = h.training_id
    join training_organisations o on o.siret = t.organisation_siret
    where o.quality_certified ${level}
    order by h.distance, h.rank, t.id
    limit ${options.limit}::int
  `.execute(db);
  return result.rows.map((r) => ({ ...r, rank: Number(r.rank), distance_km: Number(r.distance_km) }));
}
