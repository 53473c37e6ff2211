import { type CreateOffer, expiryFrom, OFFER_DEFAULTS, type PublicOffer } from "@tremplin/core";
import type { Insertable } from "kysely";
import type { OffersTable } from "../../db/tables/offers.js";
import type { Principal } from "../../lib/principal.js";
import type { OffersDeps } from "./context.js";
import { notifyPublished } from "./notifications.js";
import { checkStartDate, cleanFreeText, jobContent } from "./offer-content.js";
import { type Poster, resolvePoster } from "./poster.js";
import { presentPublicOffer } from "./presenter.js";
import * as repo from "./repository.js";

/** What an offer says (job, texts, terms, place, contact): everything a partner's PUT replaces. */
export type OfferContent = Omit<
  Insertable<OffersTable>,
  | "id"
  | "status"
  | "published_at"
  | "expires_at"
  | "closed_at"
  | "created_at"
  | "updated_at"
  | "expiry_cycle"
  | "views"
  | "applications_count"
  | "owner_user_id"
  | "account_id"
  | "intermediary_kind"
  | "intermediary_name"
  | "intermediary_user_id"
  | "api_key_id"
  | "external_id"
>;

/**
 * Checks the input and builds the offer's content: dates, free texts without contact details, job
 * and skills consistent with ROME (text generated unless written), place from the establishment.
 */
export async function buildOfferContent(
  deps: OffersDeps,
  principal: Principal,
  input: CreateOffer,
): Promise<{ content: OfferContent; poster: Poster }> {
  const now = deps.clock.now();
  if (input.startDate) checkStartDate(input.startDate, now);
  const title = cleanFreeText("title", input.title);
  const description = cleanFreeText("description", input.description);
  const companyDescription = cleanFreeText("companyDescription", input.companyDescription);
  const rhythm = cleanFreeText("rhythm", input.rhythm);
  const job = await jobContent(deps.db, input.appellationCode, input.skills);
  const poster = await resolvePoster(deps.db, deps.companies, principal, input);
  const e = poster.establishment;
  // A non-diffusible establishment's address stays private: the offer shows its commune only.
  const centre = e.diffusion !== "O" && e.inseeCode ? await repo.findCommuneCentre(deps.db, e.inseeCode) : undefined;
  return {
    poster,
    content: {
      siret: e.siret,
      company_name: poster.companyName,
      company_description: companyDescription,
      contact_first_name: poster.contact.firstName,
      contact_last_name: poster.contact.lastName,
      contact_email: poster.contact.email,
      contact_phone: poster.contact.phone,
      appellation_code: job.appellationCode,
      appellation_label: job.appellationLabel,
      rome_code: job.romeCode,
      rome_label: job.romeLabel,
      rome_version: job.romeVersion,
      title: title || job.appellationLabel,
      description: description || job.generatedDescription,
      access: job.access,
      skills: JSON.stringify(job.skills),
      start_date: input.startDate ?? null,
      start_asap: input.startAsap === true,
      contract_types: input.contractTypes ?? OFFER_DEFAULTS.contractTypes,
      diploma_level: input.diplomaLevel ?? OFFER_DEFAULTS.diplomaLevel,
      duration_months: input.durationMonths ?? OFFER_DEFAULTS.durationMonths,
      positions: input.positions ?? OFFER_DEFAULTS.positions,
      rhythm,
      disability_friendly: input.disabilityFriendly ?? OFFER_DEFAULTS.disabilityFriendly,
      lat: centre?.lat ?? e.lat,
      lon: centre?.lon ?? e.lon,
      city: centre?.name ?? e.city,
      postal_code: e.postalCode,
      insee_code: e.inseeCode,
      naf_label: e.nafLabel,
    },
  };
}

/**
 * Posts an offer in one step: two required inputs (job, start), the rest defaulted; text generated
 * from ROME unless the recruiter wrote their own; live at once when the account publishes offers,
 * for OFFER_TTL_DAYS. The poster gets a confirmation email; a company posted for is told.
 */
export async function createOffer(deps: OffersDeps, principal: Principal, input: CreateOffer): Promise<PublicOffer> {
  const now = deps.clock.now();
  const { content, poster } = await buildOfferContent(deps, principal, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertOffer(trx, {
      ...content,
      owner_user_id: poster.ownerUserId,
      account_id: poster.accountId,
      intermediary_kind: poster.intermediary?.kind ?? null,
      intermediary_name: poster.intermediary?.name ?? null,
      intermediary_user_id: poster.intermediary?.userId ?? null,
      api_key_id: poster.apiKeyId,
      external_id: input.externalId ?? null,
      status: poster.publishes ? "active" : "pending",
      published_at: poster.publishes ? now : null,
      expires_at: poster.publishes ? expiryFrom(now, deps.config.offerTtlDays) : null,
      created_at: now,
      updated_at: now,
    });
    const created = await repo.findOffer(trx, id);
    if (created) await notifyPublished(deps, trx, created);
    return id;
  });
  deps.mailer.kick();
  const offer = await repo.findOffer(deps.db, id);
  return presentPublicOffer(offer as NonNullable<typeof offer>, deps.config.publicUrl);
}
