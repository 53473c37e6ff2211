import { type RawBuilder, sql } from "kysely";
import type { Db, Point } from "./catalogue-repository.js";
import type { TrainingSearchRow } from "./presenter.js";

/** A training found under a key, with its organisation and whether a company may write to it. */
export interface KeyHit {
  siret: string;
  training_id: string;
  distance: number;
  contactable: boolean;
}

/** A training of an organisation that matched one of the keys, with the best rank among them. */
export interface TrainingHit {
  siret: string;
  training_id: string;
  rank: number;
  distance: number;
}

const centerOf = (point: Point) => sql`ll_to_earth(${point.lat}::float8, ${point.lon}::float8)`;

/** Rows of the lookup table under `key` inside the radius's box, nearest first (GiST KNN, `<->`). */
function nearestKeys(key: string, center: RawBuilder<unknown>, radiusMeters: number, limit: number, offset = 0) {
  return sql`
    select training_id, earth_distance(${center}, ll_to_earth(lat, lon)) as distance
    from training_rome_keys
    where key = ${key} and earth_box(${center}, ${radiusMeters}::float8) @> ll_to_earth(lat, lon)
    order by ll_to_earth(lat, lon) <-> ${center}
    limit ${limit}::int offset ${offset}::int`;
}

/**
 * A page of the trainings indexed under `key`, nearest first: the index walks outwards from the
 * point (KNN on the (key, ll_to_earth) GiST), so a dense area costs a page, not every training of
 * the region. `full` says whether more may follow; distances beyond the radius are left to the caller.
 */
export async function nearestUnderKey(
  db: Db,
  point: Point,
  key: string,
  radiusMeters: number,
  page: { limit: number; offset: number },
): Promise<{ rows: KeyHit[]; full: boolean }> {
  const result = await sql<KeyHit>`
    select t.organisation_siret as siret, k.training_id, k.distance,
      (o.quality_certified and o.requests_opted_out_at is null and o.email is not null) as contactable
    from (${nearestKeys(key, centerOf(point), radiusMeters, page.limit, page.offset)}) k
    join trainings t on t.id = k.training_id
    join training_organisations o on o.siret = t.organisation_siret
  `.execute(db);
  const rows = result.rows
    .map((r) => ({ ...r, distance: Number(r.distance) }))
    .sort((a, b) => a.distance - b.distance || a.training_id.localeCompare(b.training_id));
  return { rows, full: rows.length === page.limit };
}

/** Every training of these organisations indexed under one of the keys within the radius, with its best rank. */
export async function trainingsOfOrganisations(
  db: Db,
  sirets: readonly string[],
  point: Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
): Promise<TrainingHit[]> {
  if (sirets.length === 0 || keys.length === 0) return [];
  const center = centerOf(point);
  const rank = sql`case k.key ${sql.join(
    keys.map((k) => sql`when ${k.key} then ${k.rank}::int`),
    sql` `,
  )} end`;
  const result = await sql<TrainingHit>`
    select t.organisation_siret as siret, k.training_id, min(${rank})::int as rank,
      min(earth_distance(${center}, ll_to_earth(k.lat, k.lon))) as distance
    from trainings t
    join training_rome_keys k on k.training_id = t.id
    where t.organisation_siret in (${sql.join(sirets.map((s) => sql`${s}`))})
      and k.key in (${sql.join(keys.map((k) => sql`${k.key}`))})
      and earth_distance(${center}, ll_to_earth(k.lat, k.lon)) <= ${radiusMeters}::float8
    group by t.organisation_siret, k.training_id
  `.execute(db);
  return result.rows.map((r) => ({ ...r, rank: Number(r.rank), distance: Number(r.distance) }));
}

/**
 * Trainings for a candidate: under one of `keys` within the radius, of certified organisations,
 * optionally of one diploma level; nearest first, the exact code first at equal distance. Each key
 * contributes its `perKey` nearest rows (KNN); when a key was cut there and the filters left fewer
 * than `limit` rows, the search is redone over the whole radius, so the answer is always exact.
 */
export async function searchTrainingRows(
  db: Db,
  point: Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
  options: { diplomaLevel?: number | undefined; limit: number },
): Promise<TrainingSearchRow[]> {
  if (keys.length === 0) return [];
  const perKey = Math.max(200, options.limit * 4);
  const nearest = await searchQuery(db, point, keys, radiusMeters, options, perKey);
  if (nearest.rows.length >= options.limit || !nearest.cut) return nearest.rows;
  return (await searchQuery(db, point, keys, radiusMeters, options, null)).rows;
}

async function searchQuery(
  db: Db,
  point: Point,
  keys: ReadonlyArray<{ key: string; rank: number }>,
  radiusMeters: number,
  options: { diplomaLevel?: number | undefined; limit: number },
  perKey: number | null,
): Promise<{ rows: TrainingSearchRow[]; cut: boolean }> {
  const center = centerOf(point);
  const lookups = keys.map(({ key, rank }, i) =>
    perKey === null
      ? sql`select ${i}::int as lookup, ${rank}::int as rank, training_id, earth_distance(${center}, ll_to_earth(lat, lon)) as distance
          from training_rome_keys where key = ${key} and earth_box(${center}, ${radiusMeters}::float8) @> ll_to_earth(lat, lon)`
      : sql`select ${i}::int as lookup, ${rank}::int as rank, training_id, distance
          from (${nearestKeys(key, center, radiusMeters, perKey)}) n`,
  );
  const level = options.diplomaLevel === undefined ? sql`` : sql`and t.diploma_level = ${options.diplomaLevel}::int`;
  const result = await sql<TrainingSearchRow & { cut: boolean }>`
    with raw as (${sql.join(lookups, sql` union all `)}),
    hits as (
      select training_id, min(rank)::int as rank, min(distance) as distance from raw
      where distance <= ${radiusMeters}::float8 group by training_id
    )
    select t.id, t.title, t.cfd, t.rncp_code, t.diploma_level, t.rome_codes, t.street, t.postal_code, t.city,
      t.insee_code, t.lat, t.lon, t.start_months, t.organisation_siret, o.name as organisation_name,
      o.uai as organisation_uai, h.rank, round((h.distance / 1000)::numeric, 1)::float8 as distance_km,
      coalesce((select max(n) from (select count(*) as n from raw group by lookup) c), 0) >= ${perKey ?? 0}::int
        and ${perKey !== null} as cut
    from hits h
    join trainings t on t.id = h.training_id
    join training_organisations o on o.siret = t.organisation_siret
    where o.quality_certified ${level}
    order by h.distance, h.rank, t.id
    limit ${options.limit}::int
  `.execute(db);
  return {
    rows: result.rows.map(({ cut: _cut, ...r }) => ({
      ...r,
      rank: Number(r.rank),
      distance_km: Number(r.distance_km),
    })),
    cut: result.rows[0]?.cut ?? perKey !== null,
  };
}
