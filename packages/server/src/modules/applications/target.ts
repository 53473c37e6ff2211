import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { RecipientSource } from "../../db/tables/applications.js";
import { AppError } from "../../lib/app-error.js";
import { companyRecipient } from "../accounts/verification-service.js";
import { manager } from "../offers/notifications.js";
import { lockOffer } from "../offers/shared-service.js";
import * as repo from "./repository.js";

export type TargetRef = { offerId: string } | { siret: string };

export interface ApplicationTarget {
  kind: "offer" | "company";
  offerId: string | null;
  offerCycle: number | null;
  siret: string;
  companyName: string;
  title: string | null;
  recipient: { email: string; userId: string | null; source: RecipientSource };
}

/**
 * THE decision "may this target receive an application now, and who receives it": every path that
 * sends an application (web form, partner API) goes through here.
 * - An offer: it must be active and not past its expiry; its manager receives (owner, or the company
 *   contact of an offer posted by an intermediary). The offer row stays locked until the
 *   transaction ends, so the per-offer cap counts exactly.
 * - A company (spontaneous): see companyTarget.
 */
export async function resolveApplicationTarget(
  db: Kysely<Database>,
  ref: TargetRef,
  now: Date,
): Promise<ApplicationTarget> {
  if ("offerId" in ref) {
    const offer = await lockOffer(db, ref.offerId);
    if (!offer || offer.status === "pending") throw new AppError("OFFER_NOT_FOUND");
    const expired = offer.expires_at !== null && new Date(offer.expires_at) <= now;
    if (offer.status !== "active" || expired) throw new AppError("APPLICATION_OFFER_CLOSED");
    const who = await manager(db, offer);
    return {
      kind: "offer",
      offerId: offer.id,
      offerCycle: offer.expiry_cycle,
      siret: offer.siret,
      companyName: offer.company_name,
      title: offer.title,
      recipient: { email: who.email, userId: offer.owner_user_id, source: "offer_manager" },
    };
  }
  return companyTarget(db, ref.siret);
}

/**
 * Spontaneous applications: any active establishment that has not been unpublished after a report,
 * received by its administrator on Tremplin (its first verified member, ADR 009), or else by the
 * contact the algorithm's back office keeps for it. An unverified account never receives one: anyone
 * can sign up on any SIRET. With neither, the candidate is told to apply to the company's offers.
 */
async function companyTarget(db: Kysely<Database>, siret: string): Promise<ApplicationTarget> {
  const establishment = await repo.findEstablishment(db, siret);
  if (!establishment) throw new AppError("SIRET_UNKNOWN");
  if (establishment.admin_state !== "A" || (await repo.isCompanyUnpublished(db, siret))) {
    throw new AppError("APPLICATION_COMPANY_NOT_TARGETABLE");
  }
  const recipient = await companyRecipient(db, siret);
  if (!recipient) {
    throw new AppError("APPLICATION_COMPANY_NOT_TARGETABLE", {
      message:
        "Cette entreprise n'a pas encore de recruteur vérifié sur Tremplin pour recevoir une candidature spontanée. Postulez à ses offres publiées, ou contactez-la directement.",
    });
  }
  return {
    kind: "company",
    offerId: null,
    offerCycle: null,
    siret,
    title: null,
    companyName: recipient.companyName ?? establishment.brand ?? establishment.name ?? "Entreprise",
    recipient: { email: recipient.email, userId: recipient.userId, source: recipient.source },
  };
}
