import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import * as repo from "./repository.js";

/**
 * What other modules may read or change of an offer (applications, CFA requests, reports, webhooks):
 * the offers module keeps its table's writes and its queries; they call these.
 */

/** An offer with its account's status and type, or undefined. */
export function findOffer(db: Kysely<Database>, id: string) {
  return repo.findOffer(db, id);
}

/** The offer's row, locked until the caller's transaction ends (a decision that depends on its state). */
export function lockOffer(db: Kysely<Database>, id: string) {
  return repo.findOfferForUpdate(db, id);
}

/** One more application received (the counter shown to the recruiter and partners). */
export function countApplication(db: Kysely<Database>, offerId: string) {
  return repo.incrementApplicationsCount(db, offerId);
}

/** The offer received as many applications as its limit allows: it stops taking more. */
export function closeOfferAsFull(db: Kysely<Database>, offerId: string, now: Date) {
  return repo.closeOfferAsFull(db, offerId, now);
}

/**
 * Offers ever published and changed after a position (updated_at, id), with their account: the
 * partners' incremental sync. The same "offer with its account" read as the offers' own pages.
 */
export function offersChangedAfter(
  db: Kysely<Database>,
  after: { at: Date; id: string } | null,
  since: Date | null,
  limit: number,
) {
  return repo.offersChangedAfter(db, after, since, limit);
}

/** Active offers with their account, by id, a page at a time (export, sitemaps, feed). */
export function activeOffersAfter(db: Kysely<Database>, afterId: string | null, limit: number) {
  return repo.activeOffersAfter(db, afterId, limit);
}
