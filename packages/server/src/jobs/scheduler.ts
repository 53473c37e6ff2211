import { Cron } from "croner";
import type { DatabaseHandle } from "../db/connection.js";
import type { JobContext, JobDefinition } from "./job.js";
import { runJob } from "./runner.js";

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Starts every job on its cron (Europe/Paris); returns a stop function that waits for nothing new to start. */
export function startScheduler(
  jobs: readonly JobDefinition[],
  context: Omit<JobContext, "db" | "now" | "log" | "services">,
  handle: DatabaseHandle,
  clock: { now(): Date },
  log: SchedulerLog,
): () => void {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: "Europe/Paris", protect: true, name: job.name }, async () => {
        const now = clock.now();
        const outcome = await runJob(
          job,
          { ...context, now, log: (line) => log.info({ job: job.name }, line) },
          handle,
          "schedule",
        );
        if (outcome.status === "failed") log.error({ job: job.name, error: outcome.error }, "scheduled job failed");
        else log.info({ job: job.name, status: outcome.status, summary: outcome.summary }, "scheduled job done");
      }),
  );
  return () => {
    for (const cron of crons) cron.stop();
  };
}
