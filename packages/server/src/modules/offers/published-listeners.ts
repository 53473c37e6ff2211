import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

/**
 * Reacts to offers going live again after they were not (pending offers published when their account
 * is confirmed or cleared, expired offers extended or republished). Other modules' reactions are
 * registered here by module-reactions.ts so that offers know nothing of them (the CFA matching module
 * sends the requests it held for a pending offer); listeners run inside the transaction that published, so both commit or neither does.
 */
export type OfferPublishedListener = (db: Kysely<Database>, event: { offerIds: string[]; at: Date }) => Promise<void>;
export const offerPublishedListeners = new Set<OfferPublishedListener>();

export async function notifyOffersPublished(db: Kysely<Database>, offerIds: string[], at: Date): Promise<void> {
  if (offerIds.length === 0) return;
  for (const listener of offerPublishedListeners) await listener(db, { offerIds, at });
}
