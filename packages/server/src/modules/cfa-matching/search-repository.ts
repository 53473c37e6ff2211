import { sql } from "kysely";
import type { Db, Point } from "./catalogue-repository.js";
import { boxOf, cubeOf, metresOfChord } from "./earth.js";
import { nearestKeys, type RankedKey } from "./geo-repository.js";
import type { TrainingSearchRow } from "./presenter.js";

type TrainingRow = Omit<TrainingSearchRow, "organisation_name" | "organisation_uai" | "distance_km"> & {
  lookup: number;
  chord: number;
};

/** Under each key, its `perKey` nearest trainings (KNN), or all of those in the radius's box (null). */
async function trainingsNear(
  db: Db,
  point: Point,
  keys: readonly RankedKey[],
  radiusMeters: number,
  perKey: number | null,
): Promise<TrainingRow[]> {
  const center = cubeOf(point);
  const lookups = keys.map(({ key, rank }, i) =>
    perKey === null
      ? sql`select ${i}::int as lookup, ${rank}::int as rank, training_id, ll_to_earth(lat, lon) <-> ${center}::cube as chord
          from training_rome_keys where key = ${key} and ${boxOf(point, radiusMeters)}::cube @> ll_to_earth(lat, lon)`
      : sql`select ${i}::int as lookup, ${rank}::int as rank, training_id, chord
          from (${nearestKeys(key, point, radiusMeters, perKey)}) n`,
  );
  const result = await sql<TrainingRow>`
    select n.lookup, n.rank, n.chord, t.id, t.title, t.cfd, t.rncp_code, t.diploma_level, t.rome_codes, t.street,
      t.postal_code, t.city, t.insee_code, t.lat, t.lon, t.start_months, t.organisation_siret
    from (${sql.join(lookups, sql` union all `)}) n
    join trainings t on t.id = n.training_id
  `.execute(db);
  return result.rows.map((r) => ({ ...r, rank: Number(r.rank), chord: Number(r.chord), lookup: Number(r.lookup) }));
}

/**
 * Trainings for a candidate: under one of `keys` within the radius, of certified organisations,
 * optionally of one diploma level; nearest first, the exact code first at equal distance. Each key
 * contributes its `perKey` nearest rows (KNN); when a key was cut there and the filters left fewer
 * than `limit` trainings, the search is redone over the whole radius, so the answer is always exact.
 * Two small statements (trainings, then their organisations) plan faster than one join of four.
 */
export async function searchTrainingRows(
  db: Db,
  point: Point,
  keys: readonly RankedKey[],
  radiusMeters: number,
  options: { diplomaLevel?: number | undefined; limit: number },
): Promise<TrainingSearchRow[]> {
  if (keys.length === 0) return [];
  const perKey = Math.max(200, options.limit * 4);
  const nearest = await trainingsNear(db, point, keys, radiusMeters, perKey);
  const found = await keep(db, nearest, radiusMeters, options);
  // A key read to its limit may hide farther trainings (before filters, counted per key).
  const counts = new Map<number, number>();
  for (const r of nearest) counts.set(r.lookup, (counts.get(r.lookup) ?? 0) + 1);
  const cut = [...counts.values()].some((n) => n >= perKey);
  if (found.length >= options.limit || !cut) return found;
  return keep(db, await trainingsNear(db, point, keys, radiusMeters, null), radiusMeters, options);
}

/** Within the radius, of the level asked, of certified organisations, each training once at its best rank, nearest first. */
async function keep(
  db: Db,
  rows: TrainingRow[],
  radiusMeters: number,
  options: { diplomaLevel?: number | undefined; limit: number },
): Promise<TrainingSearchRow[]> {
  const best = new Map<string, TrainingRow>();
  for (const r of rows) {
    if (metresOfChord(r.chord) > radiusMeters) continue;
    if (options.diplomaLevel !== undefined && r.diploma_level !== options.diplomaLevel) continue;
    const known = best.get(r.id);
    if (!known || r.rank < known.rank) best.set(r.id, r);
  }
  const sirets = [...new Set([...best.values()].map((r) => r.organisation_siret))];
  const orgs =
    sirets.length === 0
      ? []
      : await db
          .selectFrom("training_organisations")
          .select(["siret", "name", "uai"])
          .where("siret", "in", sirets)
          .where("quality_certified", "=", true)
          .execute();
  const bySiret = new Map(orgs.map((o) => [o.siret, o]));
  return [...best.values()]
    .filter((r) => bySiret.has(r.organisation_siret))
    .sort((a, b) => a.chord - b.chord || a.rank - b.rank || a.id.localeCompare(b.id))
    .slice(0, options.limit)
    .map(({ lookup: _l, chord, ...r }) => ({
      ...r,
      organisation_name: bySiret.get(r.organisation_siret)?.name ?? null,
      organisation_uai: bySiret.get(r.organisation_siret)?.uai ?? null,
      distance_km: Math.round(metresOfChord(chord) / 100) / 10,
    }));
}
