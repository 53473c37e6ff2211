import { type Kysely, sql } from "kysely";
import type { Engine } from "../db/connection.js";
import type { Database } from "../db/database.js";
import type { JobContext, JobDefinition } from "./job.js";

export interface RunOutcome {
  status: "succeeded" | "failed" | "skipped";
  summary?: Record<string, unknown>;
  error?: string;
}

/** A stable 32-bit key per job name for pg advisory locks. */
function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h | 0;
}

const runningHere = new Set<string>();

/**
 * Runs a job once, never twice at the same time: an in-process guard, and on PostgreSQL a session
 * advisory lock held on a dedicated connection, so N instances scheduling the same job run it once.
 * Each run is recorded in job_runs.
 */
export async function runJob(
  job: JobDefinition,
  context: Omit<JobContext, "db">,
  db: Kysely<Database>,
  engine: Engine,
  trigger: "schedule" | "cli" | "test",
): Promise<RunOutcome> {
  if (runningHere.has(job.name)) return { status: "skipped" };
  runningHere.add(job.name);
  try {
    if (engine === "pglite") return await execute(job, { ...context, db }, db, trigger);
    return await db.connection().execute(async (connection) => {
      const locked = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(job.name)}) as ok`.execute(
        connection,
      );
      if (!locked.rows[0]?.ok) {
        await record(db, job.name, trigger, context.now, "skipped", { reason: "déjà en cours sur une autre instance" });
        return { status: "skipped" as const };
      }
      try {
        return await execute(job, { ...context, db }, db, trigger);
      } finally {
        await sql`select pg_advisory_unlock(${lockKey(job.name)})`.execute(connection);
      }
    });
  } finally {
    runningHere.delete(job.name);
  }
}

async function execute(
  job: JobDefinition,
  context: JobContext,
  db: Kysely<Database>,
  trigger: "schedule" | "cli" | "test",
): Promise<RunOutcome> {
  const run = await db
    .insertInto("job_runs")
    .values({ job: job.name, trigger, as_of: context.now, started_at: new Date(), status: "running" })
    .returning("id")
    .executeTakeFirstOrThrow();
  try {
    const summary = await job.run(context);
    await db
      .updateTable("job_runs")
      .set({ status: "succeeded", finished_at: new Date(), summary: JSON.stringify(summary) as never })
      .where("id", "=", run.id)
      .execute();
    return { status: "succeeded", summary };
  } catch (error) {
    const message = (error as Error).message;
    await db
      .updateTable("job_runs")
      .set({ status: "failed", finished_at: new Date(), error: message })
      .where("id", "=", run.id)
      .execute();
    return { status: "failed", error: message };
  }
}

async function record(
  db: Kysely<Database>,
  job: string,
  trigger: "schedule" | "cli" | "test",
  asOf: Date,
  status: "skipped",
  summary: Record<string, unknown>,
): Promise<void> {
  const now = new Date();
  await db
    .insertInto("job_runs")
    .values({
      job,
      trigger,
      as_of: asOf,
      started_at: now,
      finished_at: now,
      status,
      summary: JSON.stringify(summary) as never,
    })
    .execute();
}
