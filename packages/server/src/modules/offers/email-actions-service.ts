import { formatFrenchDate } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { verifyToken } from "../../lib/signed-token.js";
import { reportIntermediary } from "../accounts/intermediary-reports.js";
import { claimCompanyContact } from "../accounts/people-service.js";
import type { OffersDeps } from "./context.js";
import { applyLifecycleAction, closeOffer } from "./lifecycle-service.js";
import { manager, OFFER_ACTION_PURPOSE, type OfferLinkAction } from "./notifications.js";
import * as repo from "./repository.js";

export interface EmailActionResult {
  offerId: string;
  offerTitle: string;
  action: OfferLinkAction;
  applied: boolean;
  status: string;
  expiresAt: string | null;
  message: string;
  signInRedirect: string | null;
}

const messages: Record<OfferLinkAction, [string, string]> = {
  extend: [
    "Votre offre est prolongée : elle reste en ligne jusqu'au {date}.",
    "Cette offre a déjà été prolongée : elle est en ligne jusqu'au {date}.",
  ],
  filled: [
    "C'est noté : l'offre est marquée pourvue et n'est plus visible des candidats. Félicitations !",
    "Cette offre était déjà marquée pourvue.",
  ],
  cancel: ["L'offre est annulée : elle n'est plus visible des candidats.", "Cette offre était déjà annulée."],
  takeover: ["Vous gérez désormais cette offre depuis votre espace Tremplin.", "Vous gérez déjà cette offre."],
  remove: [
    "L'offre est retirée : elle n'est plus visible des candidats. L'organisme qui l'avait publiée en est informé.",
    "Cette offre était déjà retirée.",
  ],
};

const frenchDate = (d: Date | null) => (d ? formatFrenchDate(d) : "");

/**
 * Applies what a one-click email link asks for, without signing in. The signed token names the offer,
 * the action and (for extend) the expiry cycle; a second click answers "already done" and changes nothing.
 */
export async function applyEmailAction(deps: OffersDeps, token: string): Promise<EmailActionResult> {
  const payload = verifyToken<{ o: string; a: OfferLinkAction; c: number }>(
    deps.config.sessionSecret,
    OFFER_ACTION_PURPOSE,
    token,
    deps.clock.now(),
  );
  if (!payload) throw new AppError("ACTION_LINK_INVALID");
  const { o: offerId, a: action, c: cycle } = payload;
  const now = deps.clock.now();

  const outcome = await deps.db.transaction().execute(async (trx) => {
    const offer = await repo.findOffer(trx, offerId);
    if (!offer) throw new AppError("OFFER_NOT_FOUND");
    if (action === "extend" || action === "filled" || action === "cancel") {
      const r = await applyLifecycleAction(deps, trx, offerId, action, action === "extend" ? cycle : undefined);
      return { ...r, title: offer.title, signIn: null as string | null };
    }
    if (action === "remove") {
      const r = await closeOffer(deps, trx, offerId, "cancel");
      if (r.applied && offer.intermediary_user_id) {
        // « Ce n'est pas nous »: the intermediary waits in the admin queue (ADR 009).
        await reportIntermediary(trx, {
          offerId: offer.id,
          intermediaryUserId: offer.intermediary_user_id,
          companyContactEmail: offer.contact_email,
          now: deps.clock.now(),
        });
        const intermediary = await manager(trx, { ...offer, owner_user_id: offer.intermediary_user_id });
        await deps.mailer.enqueue(trx, {
          to: intermediary.email,
          template: "offerRemovedByCompany",
          dedupeKey: `offer-removed:${offer.id}`,
          data: {
            firstName: intermediary.firstName,
            companyName: offer.company_name,
            title: offer.title,
            spaceUrl: `${deps.config.publicUrl}/espace`,
          },
        });
      }
      return { ...r, title: offer.title, signIn: null };
    }
    // takeover: the company contact becomes the offer's owner, with a recruiter account of their own.
    const claimed = await claimCompanyContact(
      trx,
      deps.accounts,
      {
        email: offer.contact_email,
        firstName: offer.contact_first_name,
        lastName: offer.contact_last_name,
        phone: offer.contact_phone,
      },
      { siret: offer.siret, name: offer.company_name },
      now,
    );
    const user = { id: claimed.userId, email: claimed.email };
    const account = { id: claimed.accountId };
    const alreadyOwner = offer.owner_user_id === user.id;
    if (!alreadyOwner) {
      await repo.updateOffer(trx, offerId, { owner_user_id: user.id, account_id: account.id, updated_at: now });
    }
    const after = await repo.findOffer(trx, offerId);
    return {
      applied: !alreadyOwner,
      status: after?.status ?? offer.status,
      expiresAt: after?.expires_at ? new Date(after.expires_at) : null,
      title: offer.title,
      signIn: `/connexion?email=${encodeURIComponent(user.email)}`,
    };
  });
  deps.mailer.kick();
  const [done, again] = messages[action];
  return {
    offerId,
    offerTitle: outcome.title,
    action,
    applied: outcome.applied,
    status: outcome.status,
    expiresAt: outcome.expiresAt ? outcome.expiresAt.toISOString() : null,
    message: (outcome.applied ? done : again).replace("{date}", frenchDate(outcome.expiresAt)),
    signInRedirect: outcome.signIn,
  };
}
