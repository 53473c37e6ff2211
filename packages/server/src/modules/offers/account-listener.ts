import { accountPublishesOffers, expiryFrom } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { AccountStatusChange } from "../accounts/reactions.js";
import type { OfferLifecycleDeps } from "./context.js";
import { announcePublished } from "./reactions.js";
import * as repo from "./repository.js";

/**
 * Keeps offers in step with their account: confirmed or cleared → pending offers go live for a fresh
 * period; rejected or disabled → live offers are hidden, or go to the successor named by the change
 * (a verified member removed or leaving). Runs in the account change's transaction; services.ts hands
 * it to accounts as their `statusChanged` reaction.
 */
export async function offersFollowAccount(
  deps: Pick<OfferLifecycleDeps, "config" | "reactions">,
  db: Kysely<Database>,
  { accountId, from, to, at, successor }: AccountStatusChange,
): Promise<void> {
  const before = accountPublishesOffers(from);
  const after = accountPublishesOffers(to);
  if (!before && after) {
    const expiresAt = expiryFrom(at, deps.config.offerTtlDays);
    const published = await repo.publishPendingOffersOfAccount(db, accountId, at, expiresAt);
    await announcePublished(deps, db, published, at);
  }
  if (before && !after) {
    // A verified member leaving hands their offers to a colleague: the establishment keeps them online.
    if (successor) await repo.transferOffersOfAccount(db, accountId, successor);
    else await repo.hideActiveOffersOfAccount(db, accountId, at);
  }
}
