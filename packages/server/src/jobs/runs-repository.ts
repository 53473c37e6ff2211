import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";

type Db = Kysely<Database>;
type Trigger = "schedule" | "cli" | "test";

/** A stable 32-bit key per job name for pg advisory locks. */
function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h | 0;
}

/**
 * Takes the job's PostgreSQL session advisory lock on `connection` without waiting: false when
 * another session (another instance running the same job) holds it.
 */
export async function tryLockJob(connection: Db, job: string): Promise<boolean> {
  const locked = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(job)}) as ok`.execute(connection);
  return Boolean(locked.rows[0]?.ok);
}

export async function unlockJob(connection: Db, job: string): Promise<void> {
  await sql`select pg_advisory_unlock(${lockKey(job)})`.execute(connection);
}

/** Records a run that starts now; its id is what `finishJobRun` closes. */
export async function insertRunningJobRun(
  db: Db,
  run: { job: string; trigger: Trigger; asOf: Date; startedAt: Date },
): Promise<number> {
  const row = await db
    .insertInto("job_runs")
    .values({ job: run.job, trigger: run.trigger, as_of: run.asOf, started_at: run.startedAt, status: "running" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishJobRun(
  db: Db,
  id: number,
  outcome:
    | { status: "succeeded"; finishedAt: Date; summary: Record<string, unknown> }
    | { status: "failed"; finishedAt: Date; error: string },
): Promise<void> {
  await db
    .updateTable("job_runs")
    .set(
      outcome.status === "succeeded"
        ? { status: "succeeded", finished_at: outcome.finishedAt, summary: JSON.stringify(outcome.summary) as never }
        : { status: "failed", finished_at: outcome.finishedAt, error: outcome.error },
    )
    .where("id", "=", id)
    .execute();
}

/** Records a run that did not happen (started and finished at `at`), with why in its summary. */
export async function insertSkippedJobRun(
  db: Db,
  run: { job: string; trigger: Trigger; asOf: Date; at: Date; summary: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("job_runs")
    .values({
      job: run.job,
      trigger: run.trigger,
      as_of: run.asOf,
      started_at: run.at,
      finished_at: run.at,
      status: "skipped",
      summary: JSON.stringify(run.summary) as never,
    })
    .execute();
}
