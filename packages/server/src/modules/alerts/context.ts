import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";

/** What the alerts services need. */
export interface AlertsDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}

/** Built once per application by buildServices (services.ts). */
export function alertsDeps(deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">): AlertsDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer };
}

export const DAY_MS = 86_400_000;
/** An alert not confirmed within this delay is deleted (alerts:purge), and its link stops working. */
export const CONFIRMATION_DAYS = 7;
/** Unconfirmed alerts per address at once: creating alerts for someone else cannot flood their inbox. */
export const MAX_PENDING_PER_EMAIL = 3;
/** Alerts per address. */
export const MAX_ALERTS_PER_EMAIL = 20;
/** New offers in one alert email. */
export const MAX_OFFERS_PER_MAIL = 10;
/** An offer is new to alerts:send for at most this long (a run missed for days does not mail old offers). */
export const NEW_OFFER_WINDOW_DAYS = 7;
/** Offers mailed to an address are remembered this long (offers live 30 days, a few extensions at most). */
export const DELIVERY_MEMORY_DAYS = 400;
/** Unsubscribe links must keep working as long as the emails that carry them are read. */
export const UNSUBSCRIBE_LINK_DAYS = 5 * 365;
