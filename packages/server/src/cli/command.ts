import type { Config } from "../config.js";
import type { DatabaseHandle } from "../db/connection.js";
import type { Services } from "../services.js";

export interface CliContext {
  config: Config;
  /** Opens the database on first use (commands that do not need it never lock PGlite). */
  database(): Promise<DatabaseHandle>;
  /**
   * The modules' services (services.ts) on that database, with a mailer that queues in the outbox and
   * sends through SMTP_URL (or the dev mailbox): a command changes data as the app does, reactions
   * included (an account disabled here takes its offers offline).
   */
  services(): Promise<Services>;
  print(line: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Options in node:util parseArgs format. */
  options?: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;
  run(
    args: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] },
    context: CliContext,
  ): Promise<void>;
}

/** A mistake in how a command was called: printed with its usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
