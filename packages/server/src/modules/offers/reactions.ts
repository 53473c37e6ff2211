import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

/**
 * What other modules do when offers go live again after they were not (pending offers published when
 * their account is confirmed or cleared, expired offers extended or republished): the CFA matching
 * module sends the requests it held for a pending offer. Offers know nothing of them: the composition
 * root (services.ts) hands offers this object. It runs inside the transaction that published, so both
 * commit or neither does.
 */
export interface OfferReactions {
  published(db: Kysely<Database>, event: { offerIds: string[]; at: Date }): Promise<void>;
}

/** Tells the other modules that these offers went live (nothing when the list is empty). */
export async function announcePublished(
  deps: { reactions: OfferReactions },
  db: Kysely<Database>,
  offerIds: string[],
  at: Date,
): Promise<void> {
  if (offerIds.length === 0) return;
  await deps.reactions.published(db, { offerIds, at });
}
