import type { PublicOffer } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { OffersDeps } from "./context.js";
import { presentPublicOffer } from "./presenter.js";
import * as repo from "./repository.js";

/** An offer candidates may see: 404 when unknown or hidden (pending), 410 once closed. */
export async function getPublicOffer(deps: Pick<OffersDeps, "db" | "config">, id: string): Promise<PublicOffer> {
  const offer = await repo.findOffer(deps.db, id);
  if (!offer || offer.status === "pending") throw new AppError("OFFER_NOT_FOUND");
  if (offer.status !== "active") throw new AppError("OFFER_NO_LONGER_AVAILABLE");
  return presentPublicOffer(offer, deps.config.publicUrl);
}

export async function recordView(deps: Pick<OffersDeps, "db">, id: string): Promise<void> {
  await repo.incrementViews(deps.db, id);
}

/** An establishment's offers online now (at most 20, newest first), for its public pages. */
export async function activeOffersOfSiret(
  deps: Pick<OffersDeps, "db" | "config">,
  siret: string,
): Promise<Array<{ id: string; title: string; city: string | null; url: string }>> {
  const rows = await repo.activeOffersOfSiret(deps.db, siret, 20);
  return rows.map((r) => ({ ...r, url: `${deps.config.publicUrl}/offres/${r.id}` }));
}

/** Companies a CFA / OPCO / chamber adviser posted for, with their latest contact and counts. */
export async function partnerCompanies(deps: Pick<OffersDeps, "db">, userId: string) {
  const rows = await repo.partnerCompaniesOf(deps.db, userId);
  return {
    items: rows.map((r) => ({
      siret: r.siret,
      name: r.name,
      city: r.city,
      contact: { firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone },
      activeOffers: r.active_offers,
      totalOffers: r.total_offers,
      lastOfferAt: new Date(r.last_offer_at).toISOString(),
    })),
  };
}
