import { accountPublishesOffers, expiryFrom } from "@tremplin/core";
import type { StatusChangeListener } from "../accounts/lifecycle-service.js";
import { notifyOffersPublished } from "./published-listeners.js";
import * as repo from "./repository.js";

/**
 * Keeps offers in step with their account: confirmed or cleared → pending offers go live for a fresh
 * period; rejected or disabled → live offers are hidden, or go to the successor named by the change
 * (a verified member removed or leaving). Runs in the account change's transaction.
 */
export const offersFollowAccount: StatusChangeListener = async (db, { accountId, from, to, at, config, successor }) => {
  const before = accountPublishesOffers(from);
  const after = accountPublishesOffers(to);
  if (!before && after) {
    const published = await repo.publishPendingOffersOfAccount(db, accountId, at, expiryFrom(at, config.offerTtlDays));
    await notifyOffersPublished(db, published, at);
  }
  if (before && !after) {
    // A verified member leaving hands their offers to a colleague: the establishment keeps them online.
    if (successor) await repo.transferOffersOfAccount(db, accountId, successor);
    else await repo.hideActiveOffersOfAccount(db, accountId, at);
  }
};
