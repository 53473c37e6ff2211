import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";
import type { CompaniesDeps } from "../companies/service.js";

/** What the offers services need to read, change and notify an offer (jobs and other modules too). */
export interface OfferLifecycleDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}

/** Posting also looks the company up in the directory: only the posting paths need it. */
export interface OffersDeps extends OfferLifecycleDeps {
  companies: CompaniesDeps;
}

/** Built once per application by buildServices (services.ts), with the application's company directory. */
export function offersDeps(
  deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">,
  companies: CompaniesDeps,
): OffersDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer, companies };
}

export const DAY_MS = 86_400_000;
export const ACTION_LINK_DAYS = 45;
