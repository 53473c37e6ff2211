import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";

/** What the applications services need. */
export interface ApplicationsDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}

/** Built once per application by buildServices (services.ts). */
export function applicationsDeps(deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">): ApplicationsDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer };
}

export const DAY_MS = 86_400_000;
/** One-click answer links work this long: recruiters often answer weeks later. */
export const ANSWER_LINK_DAYS = 90;
/** Personal data of applications is kept two years (CNIL, recruitment: two years after the last contact). */
export const PERSONAL_DATA_RETENTION_DAYS = 730;
/** The outbox template of the recruiter's email: the one that carries the CV (see migration 0007). */
export const RECRUITER_TEMPLATE = "applicationToRecruiter";
