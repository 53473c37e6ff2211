import { accountPublishesOffers, expiryFrom } from "@tremplin/core";
import type { StatusChangeListener } from "../accounts/lifecycle-service.js";
import { notifyOffersPublished } from "./published-listeners.js";
import * as repo from "./repository.js";

/**
 * Keeps offers in step with their account: confirmed or cleared → pending offers go live for a fresh
 * period; rejected or disabled → live offers are hidden. Runs in the account change's transaction.
 */
export const offersFollowAccount: StatusChangeListener = async (db, { accountId, from, to, at, config }) => {
  const before = accountPublishesOffers(from);
  const after = accountPublishesOffers(to);
  if (!before && after) {
    const published = await repo.publishPendingOffersOfAccount(db, accountId, at, expiryFrom(at, config.offerTtlDays));
    await notifyOffersPublished(db, published, at);
  }
  if (before && !after) await repo.hideActiveOffersOfAccount(db, accountId, at);
};
