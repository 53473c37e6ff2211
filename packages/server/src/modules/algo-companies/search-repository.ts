import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

export interface Candidate {
  siret: string;
  rome_code: string;
  rome_label: string;
  score: number;
  boost: number;
  explanation: string;
  source: "algorithm" | "listing" | "admin";
  lat: number;
  lon: number;
  distance_m: number;
  /** The result card (null on rows written before migration 0011: read from the directory then). */
  company_name: string | null;
  naf_code: string | null;
  naf_label: string | null;
  city: string | null;
  postal_code: string | null;
}

/**
 * The exposed pairs of the active run for each job, nearest first, within the radius: one KNN scan
 * of the GiST index (run, job, position) per job — GiST cannot take `= any(…)`, so each job gets its
 * own index scan, bounded by `perJob`. Delisted companies are filtered here too, so that a removal
 * is immediate even if the published set was computed before it.
 */
export async function nearestCandidates(db: Db, query: NearestQuery): Promise<Candidate[]> {
  if (query.romes.length === 0) return [];
  const rows = await nearestCandidatesSql(query).execute(db);
  return rows.rows;
}

export interface NearestQuery {
  romes: string[];
  lat: number;
  lon: number;
  radiusM: number;
  perJob: number;
}

/** The statement itself (a test reads its plan: it must be a KNN scan of algo_exposed_search_idx). */
export function nearestCandidatesSql(query: NearestQuery) {
  // The centre is written as an expression of constants (not a joined CTE) so that the planner can
  // order the index scan by distance to it.
  const center = sql`ll_to_earth(${query.lat}::float8, ${query.lon}::float8)`;
  return sql<Candidate>`
    select c.* from unnest(${query.romes}::text[]) as r (code)
    cross join lateral (
      select x.siret, x.rome_code, x.rome_label, x.score, x.boost, x.explanation, x.source, x.lat, x.lon,
             x.company_name, x.naf_code, x.naf_label, x.city, x.postal_code,
             earth_distance(ll_to_earth(x.lat, x.lon), ${center}) as distance_m
      from algo_exposed x
      where x.run_id = (select active_run_id from algo_publication where id) and x.rome_code = r.code and not x.hidden
        and earth_box(${center}, ${query.radiusM}::float8) @> ll_to_earth(x.lat, x.lon)
        and not exists (select 1 from algo_delistings d where d.siret = x.siret)
      order by ll_to_earth(x.lat, x.lon) <-> ${center}
      limit ${query.perJob}
    ) c
    where c.distance_m <= ${query.radiusM}::float8
  `;
}

/** What a company card shows (name, activity, town) and whether it may be shown (state, diffusion). */
export function establishmentCardQuery(db: Db) {
  return db
    .selectFrom("establishments as e")
    .leftJoin("naf_codes as n", "n.code", "e.naf_code")
    .select([
      "e.siret",
      "e.name",
      "e.brand",
      "e.naf_code",
      "n.label as naf_label",
      "e.city",
      "e.postal_code",
      "e.admin_state",
      "e.diffusion",
    ]);
}

/** The cards of the page's SIRETs only (rows written before the exposed rows carried them). */
export async function establishmentCards(db: Db, sirets: string[]) {
  if (sirets.length === 0) return [];
  return establishmentCardQuery(db).where("e.siret", "in", sirets).execute();
}

/** Classic ROME codes for the codes asked (ROME 4 fiches map to their parent; unknown codes drop). */
export async function classicRomeCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("rome_fiches")
    .select("parent_rome_code")
    .distinct()
    .where("rome_code", "in", codes)
    .execute();
  return rows.map((r) => r.parent_rome_code);
}
