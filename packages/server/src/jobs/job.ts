import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Mailer } from "../mail/mailer.js";
import type { Services } from "../services.js";

export interface JobContext {
  db: Kysely<Database>;
  config: Config;
  mailer: Mailer;
  /** The instant the run acts as of: the scheduled time, or `--now` from the CLI. */
  now: Date;
  log: (line: string) => void;
  /**
   * The modules' services for this run (services.ts), built by the runner with a clock fixed to `now`:
   * what a job signs, dates or triggers (a reaction to a published offer) is as of the run's instant.
   */
  services: Services;
}

/**
 * A scheduled job. Runs must be idempotent: running twice for the same `now` changes nothing more
 * (dedupe keys on emails, conditional updates), so a retry or an overlap is harmless.
 */
export interface JobDefinition {
  name: string;
  description: string;
  /** Cron expression in Europe/Paris time. */
  schedule: string;
  run(context: JobContext): Promise<Record<string, unknown>>;
}
