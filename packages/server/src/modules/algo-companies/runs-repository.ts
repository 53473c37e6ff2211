import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { AlgoRunKind } from "../../db/tables/algo.js";

export type Db = Kysely<Database>;

export async function createRun(
  db: Db,
  run: { kind: AlgoRunKind; trigger: string; asOf: string | null; parameters: unknown; now: Date },
): Promise<number> {
  const row = await db
    .insertInto("algo_runs")
    .values({
      kind: run.kind,
      status: "running",
      trigger: run.trigger,
      as_of: run.asOf,
      parameters: JSON.stringify(run.parameters),
      started_at: run.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Db,
  id: number,
  outcome: {
    status: "succeeded" | "failed";
    asOf?: string;
    summary?: unknown;
    report?: { json: unknown; markdown: string; svg: string } | null;
    error?: string;
    now: Date;
  },
): Promise<void> {
  await db
    .updateTable("algo_runs")
    .set({
      status: outcome.status,
      ...(outcome.asOf ? { as_of: outcome.asOf } : {}),
      ...(outcome.summary !== undefined ? { summary: JSON.stringify(outcome.summary) } : {}),
      ...(outcome.report
        ? {
            report_json: JSON.stringify(outcome.report.json),
            report_md: outcome.report.markdown,
            report_svg: outcome.report.svg,
          }
        : {}),
      error: outcome.error ?? null,
      finished_at: outcome.now,
    })
    .where("id", "=", id)
    .execute();
}

/** Writes scores of a run (one statement per batch; columns as arrays). */
export async function insertScores(
  db: Db,
  runId: number,
  rows: { sirets: string[]; predicted: number[]; scores: number[]; exclusions: number[] },
): Promise<void> {
  if (rows.sirets.length === 0) return;
  await sql`
    insert into algo_scores (run_id, siret, predicted_hires, score, exclusion)
    select ${runId}::int, u.siret, u.predicted, u.score, u.exclusion
    from unnest(${rows.sirets}::text[], ${rows.predicted}::real[], ${rows.scores}::real[], ${rows.exclusions}::smallint[])
      as u (siret, predicted, score, exclusion)
  `.execute(db);
}

export interface ExposedBatch {
  sirets: string[];
  romes: string[];
  labels: string[];
  scores: number[];
  companyScores: number[];
  explanations: string[];
}

/**
 * Writes exposed (establishment, job) pairs of the algorithm, placed from the directory: a pair
 * whose establishment has no position, or is not open and diffusible there, is left out (search
 * could not place it, and its card would have nothing to show). Returns the rows written.
 */
export async function insertExposed(db: Db, runId: number, b: ExposedBatch): Promise<number> {
  if (b.sirets.length === 0) return 0;
  const result = await sql`
    insert into algo_exposed (run_id, siret, rome_code, rome_label, score, company_score, explanation, source, lat, lon,
                              company_name, naf_code, naf_label, city, postal_code)
    select ${runId}::int, u.siret, u.rome, u.label, u.score, u.company_score, u.explanation, 'algorithm', e.lat, e.lon,
           coalesce(e.brand, e.name), e.naf_code, n.label, e.city, e.postal_code
    from unnest(${b.sirets}::text[], ${b.romes}::text[], ${b.labels}::text[], ${b.scores}::real[],
                ${b.companyScores}::real[], ${b.explanations}::text[])
      as u (siret, rome, label, score, company_score, explanation)
    join establishments e on e.siret = u.siret
    left join naf_codes n on n.code = e.naf_code
    where e.lat is not null and e.lon is not null and e.admin_state = 'A' and e.diffusion = 'O'
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function countExposed(db: Db, runId: number): Promise<{ pairs: number; companies: number }> {
  const row = await db
    .selectFrom("algo_exposed")
    .select((eb) => [eb.fn.countAll<number>().as("pairs"), eb.fn.count<number>("siret").distinct().as("companies")])
    .where("run_id", "=", runId)
    .where("hidden", "=", false)
    .executeTakeFirst();
  return { pairs: Number(row?.pairs ?? 0), companies: Number(row?.companies ?? 0) };
}

export async function findRun(db: Db, id: number) {
  return db.selectFrom("algo_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listRuns(db: Db, limit: number) {
  return db
    .selectFrom("algo_runs")
    .select([
      "id",
      "kind",
      "status",
      "trigger",
      "as_of",
      "summary",
      "error",
      "started_at",
      "finished_at",
      "first_published_at",
      sql<boolean>`report_json is not null`.as("has_report"),
    ])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The latest succeeded scoring run. */
export async function latestScoreRun(db: Db) {
  return db
    .selectFrom("algo_runs")
    .select(["id", "as_of", "first_published_at"])
    .where("kind", "=", "score")
    .where("status", "=", "succeeded")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * Frees the scores and exposed rows of old scoring runs (their summary and report stay): keeps the
 * active and previous runs and the `keep` most recent succeeded ones. A national run is ~1.1 M scores.
 */
export async function pruneRunRows(db: Db, keep: number): Promise<number> {
  const recent = await db
    .selectFrom("algo_runs")
    .select("id")
    .where("kind", "=", "score")
    .where("status", "=", "succeeded")
    .orderBy("id", "desc")
    .limit(keep)
    .execute();
  const pub = await db.selectFrom("algo_publication").select(["active_run_id", "previous_run_id"]).executeTakeFirst();
  const kept = [...recent.map((r) => r.id), pub?.active_run_id, pub?.previous_run_id].filter(
    (id): id is number => typeof id === "number",
  );
  const old = await db
    .selectFrom("algo_runs")
    .select("id")
    .where("kind", "=", "score")
    .where("id", "not in", kept.length > 0 ? kept : [-1])
    .where(sql<boolean>`exists (select 1 from algo_scores s where s.run_id = algo_runs.id)`)
    .execute();
  for (const { id } of old) {
    await db.deleteFrom("algo_exposed").where("run_id", "=", id).execute();
    await db.deleteFrom("algo_scores").where("run_id", "=", id).execute();
  }
  return old.length;
}
