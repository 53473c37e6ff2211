import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/**
 * Succeeded scoring runs that still have their scores and whose as-of date is before `end`, with
 * the end of the window already measured (null when never measured).
 */
export async function runsToMeasure(db: Db, end: string) {
  return db
    .selectFrom("algo_runs as r")
    .leftJoin("algo_run_outcomes as o", "o.run_id", "r.id")
    .select(["r.id", "r.as_of", "o.window_end as measuredEnd"])
    .where("r.kind", "=", "score")
    .where("r.status", "=", "succeeded")
    .where("r.as_of", "<", end)
    .where((eb) => eb.exists(eb.selectFrom("algo_scores as s").select("s.run_id").whereRef("s.run_id", "=", "r.id")))
    .orderBy("r.id")
    .execute();
}

export interface ScoredRow {
  siret: string;
  predicted_hires: number;
  naf_code: string | null;
  insee_code: string | null;
}

/** One page of a run's scores in SIRET order, with the directory's NAF and commune (for the groups). */
export async function scoresPage(db: Db, runId: number, after: string, limit: number): Promise<ScoredRow[]> {
  const rows = await sql<ScoredRow>`
    select s.siret, s.predicted_hires, e.naf_code, e.insee_code
    from algo_scores s left join establishments e on e.siret = s.siret
    where s.run_id = ${runId} and s.siret > ${after}
    order by s.siret limit ${limit}
  `.execute(db);
  return rows.rows;
}

export interface OutcomeRow {
  runId: number;
  windowStart: string;
  windowEnd: string;
  months: number;
  establishments: number;
  hires: number;
  unscoredHires: number;
  predicted: number;
  report: unknown;
  measuredAt: Date;
}

export async function saveOutcome(db: Db, o: OutcomeRow): Promise<void> {
  const values = {
    run_id: o.runId,
    window_start: o.windowStart,
    window_end: o.windowEnd,
    months: o.months,
    establishments: o.establishments,
    hires: o.hires,
    unscored_hires: o.unscoredHires,
    predicted: o.predicted,
    report: JSON.stringify(o.report),
    measured_at: o.measuredAt,
  };
  await db
    .insertInto("algo_run_outcomes")
    .values(values)
    .onConflict((oc) => oc.column("run_id").doUpdateSet(values))
    .execute();
}

export async function findOutcome(db: Db, runId: number) {
  return db.selectFrom("algo_run_outcomes").selectAll().where("run_id", "=", runId).executeTakeFirst();
}
