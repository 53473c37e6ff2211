import { contractTypeLabels, diplomaLevelLabels } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { CfaRequestOfferData } from "../../mail/templates/cfa-matching.js";
import { findPerson } from "../accounts/people-service.js";
import { manager } from "../offers/notifications.js";
import type { OfferRow } from "../offers/presenter.js";
import { type CfaDeps, optOutLink, pages, requestLink } from "./context.js";
import * as requests from "./requests-repository.js";

type Db = Kysely<Database>;

export function offerFactsForCfa(offer: OfferRow): CfaRequestOfferData {
  return {
    title: offer.title,
    romeLabel: offer.rome_label,
    companyName: offer.company_name,
    city: offer.city,
    postalCode: offer.postal_code,
    startDate: offer.start_asap ? null : offer.start_date,
    contractTypes: offer.contract_types.map((c) => contractTypeLabels[c]).join(" ou "),
    diplomaLevel: offer.diploma_level ? `${offer.diploma_level} (${diplomaLevelLabels[offer.diploma_level]})` : null,
    durationMonths: offer.duration_months,
    positions: offer.positions,
    rhythm: offer.rhythm,
  };
}

/** Who gets the recruiter's side of the conversation: the person who asked, else the offer's manager. */
async function recruiter(
  db: Db,
  offer: OfferRow,
  userId: string | null,
): Promise<{ email: string; firstName: string }> {
  if (userId) {
    const user = await findPerson(db, userId);
    if (user) return { email: user.email, firstName: user.first_name };
  }
  return manager(db, offer);
}

/**
 * Emails each CFA its request: the need, the company contact (ADR 006), one-click answers and the
 * opt-out link. Sent once per request (dedupe key), inside the caller's transaction.
 */
export async function emailRequestsToCfas(deps: CfaDeps, db: Db, offer: OfferRow, requestIds: string[]): Promise<void> {
  for (const id of requestIds) {
    const request = await requests.findRequest(db, id);
    if (!request?.cfa_email) continue;
    await deps.mailer.enqueue(db, {
      to: request.cfa_email,
      template: "cfaRequest",
      dedupeKey: `cfa-request:${id}`,
      data: {
        cfaName: request.cfa_name ?? "Madame, Monsieur",
        offer: offerFactsForCfa(offer),
        contact: {
          name: `${offer.contact_first_name} ${offer.contact_last_name}`,
          email: offer.contact_email,
          phone: offer.contact_phone,
        },
        distanceKm: request.distance_km,
        match: request.match,
        trainings: request.trainings,
        offerUrl: offer.status === "active" ? pages.offer(deps, offer.id) : null,
        candidatesUrl: requestLink(deps, id, "candidats"),
        noCandidateUrl: requestLink(deps, id, "aucun"),
        spaceUrl: (await requests.hasCfaAccount(db, request.cfa_siret)) ? pages.cfaSpace(deps) : null,
        optOutUrl: optOutLink(deps, request.cfa_siret),
      },
    });
  }
}

export async function emailRecap(
  deps: CfaDeps,
  db: Db,
  offer: OfferRow,
  userId: string,
  created: Array<{ id: string; cfa_name: string | null; cfa_city: string | null; distance_km: number }>,
  held: boolean,
): Promise<void> {
  if (created.length === 0) return;
  const to = await recruiter(db, offer, userId);
  await deps.mailer.enqueue(db, {
    to: to.email,
    template: "cfaRequestsRecap",
    dedupeKey: `cfa-requests-recap:${created[0]?.id}`,
    data: {
      firstName: to.firstName,
      title: offer.title,
      companyName: offer.company_name,
      held,
      cfas: created.map((r) => ({
        name: r.cfa_name ?? "Centre de formation",
        city: r.cfa_city,
        distanceKm: r.distance_km,
      })),
      requestsUrl: pages.offerRequests(deps, offer.id),
    },
  });
}

/** Tells the recruiter a CFA answered; the same answer is told once, a changed answer again. */
export async function emailAnswer(
  deps: CfaDeps,
  db: Db,
  offer: OfferRow,
  request: requests.RequestRow,
  answer: { answer: "candidates" | "no_candidate"; message: string | null },
): Promise<void> {
  const to = await recruiter(db, offer, request.requested_by_user_id);
  await deps.mailer.enqueue(db, {
    to: to.email,
    template: "cfaAnswerReceived",
    dedupeKey: `cfa-answer:${request.id}:${answer.answer}`,
    data: {
      firstName: to.firstName,
      title: offer.title,
      cfaName: request.cfa_name ?? "Un centre de formation",
      cfaCity: request.cfa_city,
      answer: answer.answer,
      message: answer.message,
      cfaEmail: answer.answer === "candidates" ? request.cfa_email : null,
      requestsUrl: pages.offerRequests(deps, offer.id),
    },
  });
}
