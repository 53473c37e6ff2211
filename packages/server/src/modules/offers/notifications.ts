import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { signToken } from "../../lib/signed-token.js";
import { findPerson } from "../accounts/people-service.js";
import { ACTION_LINK_DAYS, DAY_MS, type OfferLifecycleDeps } from "./context.js";
import type { OfferRow } from "./presenter.js";

export const OFFER_ACTION_PURPOSE = "offer-action";
export type OfferLinkAction = "extend" | "filled" | "cancel" | "takeover" | "remove";

/**
 * A one-click link for an offer. It names the expiry cycle it was sent for, so clicking "extend"
 * twice (or an old email's link after a later extension) does not extend twice.
 */
export function actionLink(
  deps: OfferLifecycleDeps,
  offer: Pick<OfferRow, "id" | "expiry_cycle">,
  action: OfferLinkAction,
): string {
  const now = deps.clock.now();
  const token = signToken(
    deps.config.sessionSecret,
    OFFER_ACTION_PURPOSE,
    { o: offer.id, a: action, c: offer.expiry_cycle },
    new Date(now.getTime() + ACTION_LINK_DAYS * DAY_MS),
  );
  return `${deps.config.publicUrl}/offres/action?jeton=${encodeURIComponent(token)}`;
}

/** Who manages the offer and receives its emails: its owner, or the company contact when posted by a partner. */
export async function manager(db: Kysely<Database>, offer: OfferRow): Promise<{ email: string; firstName: string }> {
  if (offer.owner_user_id) {
    const user = await findPerson(db, offer.owner_user_id);
    if (user) return { email: user.email, firstName: user.first_name };
  }
  return { email: offer.contact_email, firstName: offer.contact_first_name };
}

/** After posting: a confirmation to the poster, and to the company contact when posted for them. */
export async function notifyPublished(deps: OfferLifecycleDeps, db: Kysely<Database>, offer: OfferRow): Promise<void> {
  const who = await manager(db, offer);
  const spaceUrl = `${deps.config.publicUrl}/espace`;
  const offerUrl = `${deps.config.publicUrl}/offres/${offer.id}`;
  if (offer.owner_user_id) {
    await deps.mailer.enqueue(db, {
      to: who.email,
      template: "offerPublished",
      dedupeKey: `offer-published:${offer.id}`,
      data: {
        firstName: who.firstName,
        title: offer.title,
        companyName: offer.company_name,
        offerUrl,
        spaceUrl,
        expiresAt: offer.expires_at ? new Date(offer.expires_at).toISOString() : null,
        pending: offer.status === "pending",
      },
    });
  }
  if (offer.intermediary_name && offer.contact_email !== who.email) {
    await deps.mailer.enqueue(db, {
      to: offer.contact_email,
      template: "offerPostedForYou",
      dedupeKey: `offer-posted-for-you:${offer.id}`,
      data: {
        firstName: offer.contact_first_name,
        companyName: offer.company_name,
        intermediaryName: offer.intermediary_name,
        title: offer.title,
        offerUrl,
        takeoverUrl: actionLink(deps, offer, "takeover"),
        removeUrl: actionLink(deps, offer, "remove"),
      },
    });
  }
}
