import type { Kysely } from "kysely";
import type { Engine } from "../db/connection.js";
import type { Database } from "../db/database.js";
import type { JobContext, JobDefinition } from "./job.js";
import * as runs from "./runs-repository.js";

export interface RunOutcome {
  status: "succeeded" | "failed" | "skipped";
  summary?: Record<string, unknown>;
  error?: string;
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
      if (!(await runs.tryLockJob(connection, job.name))) {
        await runs.insertSkippedJobRun(db, {
          job: job.name,
          trigger,
          asOf: context.now,
          at: new Date(),
          summary: { reason: "déjà en cours sur une autre instance" },
        });
        return { status: "skipped" as const };
      }
      try {
        return await execute(job, { ...context, db }, db, trigger);
      } finally {
        await runs.unlockJob(connection, job.name);
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
  const runId = await runs.insertRunningJobRun(db, {
    job: job.name,
    trigger,
    asOf: context.now,
    startedAt: new Date(),
  });
  try {
    const summary = await job.run(context);
    await runs.finishJobRun(db, runId, { status: "succeeded", finishedAt: new Date(), summary });
    return { status: "succeeded", summary };
  } catch (error) {
    const message = (error as Error).message;
    await runs.finishJobRun(db, runId, { status: "failed", finishedAt: new Date(), error: message });
    return { status: "failed", error: message };
  }
}
