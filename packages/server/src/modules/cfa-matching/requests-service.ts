import { CFA_LIMITS, type CfaSuggestions, type OfferCfaRequests } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { ownedOffer } from "../offers/lifecycle-service.js";
import type { OfferRow } from "../offers/presenter.js";
import { findOffer, lockOffer } from "../offers/shared-service.js";
import type { CfaDeps } from "./context.js";
import { type CfaMatch, matchCfas } from "./matching-service.js";
import { emailRecap, emailRequestsToCfas } from "./notifications.js";
import { presentOwnerRequest, presentSuggestion } from "./presenter.js";
import * as requests from "./requests-repository.js";

const jobOf = (offer: OfferRow) => ({ romeCode: offer.rome_code, lat: offer.lat, lon: offer.lon });
const requestable = (offer: Pick<OfferRow, "status">) => offer.status === "active" || offer.status === "pending";

/** The CFAs the manager of an offer may ask for candidates, with what was already asked. */
export async function suggestionsForOffer(deps: CfaDeps, offerId: string, userId: string): Promise<CfaSuggestions> {
  const offer = await ownedOffer(deps.db, offerId, userId);
  const matching = await matchCfas(deps.db, jobOf(offer), deps.config.cfaMatchRadiusKm);
  const existing = await requests.requestStatesOfOffer(deps.db, offerId);
  const requestBySiret = new Map(existing.map((r) => [r.cfa_siret, r]));
  return {
    offerId,
    romeCode: offer.rome_code,
    romeLabel: offer.rome_label,
    radiusKm: deps.config.cfaMatchRadiusKm,
    located: matching.located,
    canRequest: requestable(offer),
    held: offer.status === "pending",
    items: matching.matches.map((m) => presentSuggestion(m, requestBySiret.get(m.siret))),
  };
}

export async function listOfferRequests(deps: CfaDeps, offerId: string, userId: string): Promise<OfferCfaRequests> {
  const offer = await ownedOffer(deps.db, offerId, userId);
  const rows = await requests.listRequestsOfOffer(deps.db, offerId);
  return { offerId, held: offer.status === "pending", items: rows.map(presentOwnerRequest) };
}

/**
 * Asks the chosen CFAs (all among the current suggestions) for candidates: one request per CFA and
 * offer, emailed now when the offer is online, held until it is otherwise; the person who asked
 * gets one recap of the new requests. Asking a CFA again changes nothing.
 */
export async function createRequests(
  deps: CfaDeps,
  offerId: string,
  userId: string,
  sirets: readonly string[],
): Promise<OfferCfaRequests> {
  const offer = await ownedOffer(deps.db, offerId, userId);
  if (!requestable(offer)) throw new AppError("CFA_REQUESTS_OFFER_CLOSED");
  const matching = await matchCfas(deps.db, jobOf(offer), deps.config.cfaMatchRadiusKm);
  const bySiret = new Map(matching.matches.map((m) => [m.siret, m]));
  const unknown = sirets.filter((s) => !bySiret.has(s));
  if (unknown.length > 0) throw new AppError("CFA_NOT_SUGGESTED", { details: { sirets: unknown } });
  const chosen = [...new Set(sirets)].map((s) => bySiret.get(s) as CfaMatch);
  const now = deps.clock.now();

  await deps.db.transaction().execute(async (trx) => {
    // Read the status with the offer locked: a publication running meanwhile either came first
    // (the requests go now) or waits for this transaction (and its hook sends the held ones).
    const status = await lockedStatus(trx, offerId);
    const held = status !== "active";
    const created = await requests.insertRequests(
      trx,
      chosen.map((m) => ({
        offer_id: offerId,
        cfa_siret: m.siret,
        requested_by_user_id: userId,
        match: m.match,
        distance_km: m.distanceKm,
        trainings: m.trainings.slice(0, CFA_LIMITS.trainingsPerCfa).map((t) => t.title),
        status: held ? "held" : "sent",
        created_at: now,
        sent_at: held ? null : now,
      })),
    );
    const current = (await findOffer(trx, offerId)) as OfferRow;
    if (!held)
      await emailRequestsToCfas(
        deps,
        trx,
        current,
        created.map((r) => r.id),
      );
    const withCfa = await requests.listRequestsOfOffer(trx, offerId);
    const createdIds = new Set(created.map((r) => r.id));
    await emailRecap(
      deps,
      trx,
      current,
      userId,
      withCfa.filter((r) => createdIds.has(r.id)),
      held,
    );
  });
  deps.mailer.kick();
  return listOfferRequests(deps, offerId, userId);
}

async function lockedStatus(db: Kysely<Database>, offerId: string) {
  return (await lockOffer(db, offerId))?.status;
}

/**
 * Sends the held requests of offers that are online now. Called in the transaction that published
 * them (offers' publication hook) and by a job as a safety net; a request leaves once whichever runs.
 */
export async function releaseHeldRequests(deps: CfaDeps, db: Kysely<Database>, offerIds: readonly string[], at: Date) {
  let sent = 0;
  for (const offerId of offerIds) {
    const offer = await findOffer(db, offerId);
    if (offer?.status !== "active") continue;
    const released = await requests.releaseHeldRequests(db, offerId, at);
    if (released.length === 0) continue;
    await emailRequestsToCfas(
      deps,
      db,
      offer,
      released.map((r) => r.id),
    );
    sent += released.length;
  }
  return sent;
}
