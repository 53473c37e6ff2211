import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";
import type { LifecycleDeps } from "../accounts/lifecycle-service.js";
import type { CompaniesDeps } from "../companies/service.js";
import type { OfferReactions } from "./reactions.js";

/** What the offers services need to read, change and notify an offer (jobs and other modules too). */
export interface OfferLifecycleDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  /** Other modules' reactions to offers going live (held CFA requests sent), from services.ts. */
  reactions: OfferReactions;
}

export interface OffersDeps extends OfferLifecycleDeps {
  /** Posting looks the company up in the directory: only the posting paths need it. */
  companies: CompaniesDeps;
  /** A company contact taking an offer over gets a confirmed recruiter account (accounts' service). */
  accounts: Pick<LifecycleDeps, "config" | "mailer" | "reactions">;
}

/**
 * Built once per application by buildServices (services.ts), with the application's company
 * directory, the accounts' deps and the reactions of the modules that follow offers.
 */
export function offersDeps(
  deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">,
  wiring: Pick<OffersDeps, "companies" | "accounts" | "reactions">,
): OffersDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer, ...wiring };
}

export const DAY_MS = 86_400_000;
export const ACTION_LINK_DAYS = 45;
