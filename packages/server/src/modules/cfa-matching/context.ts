import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-deps.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { signToken, verifyToken } from "../../lib/signed-token.js";
import type { Mailer } from "../../mail/mailer.js";

/** What the CFA matching services need. */
export interface CfaDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}

/** Built once per application by buildServices (services.ts). */
export function cfaDeps(deps: Pick<AppDeps, "db" | "clock" | "config" | "mailer">): CfaDeps {
  return { db: deps.db.db, clock: deps.clock, config: deps.config, mailer: deps.mailer };
}

const DAY_MS = 86_400_000;
const REQUEST_PURPOSE = "cfa-request";
const OPT_OUT_PURPOSE = "cfa-opt-out";
/** Long enough for an offer's whole life with extensions; the answer is refused once it is filled. */
const REQUEST_LINK_DAYS = 120;
/** An opt-out link must keep working in an old email. */
const OPT_OUT_LINK_DAYS = 730;

/**
 * The page a CFA answers from, without an account (ADR 003: the page POSTs the token, so mail
 * scanners that follow links change nothing; answering also needs a click).
 */
export function requestLink(deps: CfaDeps, requestId: string, answer?: "candidats" | "aucun"): string {
  const token = signToken(
    deps.config.sessionSecret,
    REQUEST_PURPOSE,
    { r: requestId },
    new Date(deps.clock.now().getTime() + REQUEST_LINK_DAYS * DAY_MS),
  );
  return `${deps.config.publicUrl}/cfa/demande?jeton=${encodeURIComponent(token)}${answer ? `&reponse=${answer}` : ""}`;
}

export function optOutLink(deps: CfaDeps, siret: string): string {
  const token = signToken(
    deps.config.sessionSecret,
    OPT_OUT_PURPOSE,
    { s: siret },
    new Date(deps.clock.now().getTime() + OPT_OUT_LINK_DAYS * DAY_MS),
  );
  return `${deps.config.publicUrl}/cfa/desinscription?jeton=${encodeURIComponent(token)}`;
}

/** The request id of a valid answer link, or null. */
export function requestOfToken(deps: CfaDeps, token: string): string | null {
  return verifyToken<{ r: string }>(deps.config.sessionSecret, REQUEST_PURPOSE, token, deps.clock.now())?.r ?? null;
}

/** The SIRET of a valid opt-out link, or null. */
export function siretOfOptOutToken(deps: CfaDeps, token: string): string | null {
  return verifyToken<{ s: string }>(deps.config.sessionSecret, OPT_OUT_PURPOSE, token, deps.clock.now())?.s ?? null;
}

/** Pages of the web app the emails and the API point to. */
export const pages = {
  offerRequests: (deps: Pick<CfaDeps, "config">, offerId: string) =>
    `${deps.config.publicUrl}/espace/offres/${offerId}/cfa`,
  cfaSpace: (deps: Pick<CfaDeps, "config">) => `${deps.config.publicUrl}/espace/cfa/demandes`,
  offer: (deps: Pick<CfaDeps, "config">, offerId: string) => `${deps.config.publicUrl}/offres/${offerId}`,
};
