import type { Kysely } from "kysely";
import type { DatabaseHandle } from "../db/connection.js";
import type { Database } from "../db/database.js";
import { buildServices } from "../services.js";
import type { JobContext, JobDefinition } from "./job.js";
import * as runs from "./runs-repository.js";

export interface RunOutcome {
  status: "succeeded" | "failed" | "skipped";
  summary?: Record<string, unknown>;
  error?: string;
}

/**
 * The jobs running in this process: process-wide on purpose, since the advisory lock below guards
 * against other instances only (a scheduled run and a CLI run, or two apps, in one process).
 */
const runningHere = new Set<string>();

/**
 * Runs a job once, never twice at the same time: an in-process guard, and on PostgreSQL a session
 * advisory lock held on a dedicated connection, so N instances scheduling the same job run it once.
 * Each run is recorded in job_runs.
 */
export async function runJob(
  job: JobDefinition,
  given: Omit<JobContext, "db" | "services">,
  handle: DatabaseHandle,
  trigger: "schedule" | "cli" | "test",
): Promise<RunOutcome> {
  if (runningHere.has(job.name)) return { status: "skipped" };
  runningHere.add(job.name);
  const { db } = handle;
  try {
    const context: JobContext = { ...given, db, services: servicesAsOf(given, handle) };
    if (handle.engine === "pglite") return await execute(job, context, db, trigger);
    return await db.connection().execute(async (connection) => {
      if (!(await runs.tryLockJob(connection, job.name))) {
        await runs.insertSkippedJobRun(db, {
          job: job.name,
          trigger,
          asOf: given.now,
          at: new Date(),
          summary: { reason: "déjà en cours sur une autre instance" },
        });
        return { status: "skipped" as const };
      }
      try {
        return await execute(job, context, db, trigger);
      } finally {
        await runs.unlockJob(connection, job.name);
      }
    });
  } finally {
    runningHere.delete(job.name);
  }
}

/** The services of one run: the composition root's, with a clock that stays at the run's `now`. */
function servicesAsOf(context: Omit<JobContext, "db" | "services">, handle: DatabaseHandle) {
  const clock = { now: () => context.now };
  return buildServices(
    { config: context.config, db: handle, clock, mailer: context.mailer },
    { warn: (message) => context.log(message) },
  );
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
