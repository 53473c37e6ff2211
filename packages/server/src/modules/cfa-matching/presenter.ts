import {
  CFA_LIMITS,
  type CfaInboxItem,
  type CfaSuggestion,
  cfaAnswerLabels,
  cfaRequestStatusLabels,
  diplomaLevelLabels,
  displayAddress,
  displayLabel,
  displayName,
  type OwnerCfaRequest,
  type TrainingResult,
} from "@tremplin/core";
import type { Selectable } from "kysely";
import type { CfaRequestsTable, TrainingOrganisationsTable } from "../../db/tables/cfa.js";
import type { OfferRow } from "../offers/presenter.js";
import type { CfaMatch } from "./matching-service.js";
import type { RequestRow } from "./requests-repository.js";

type OrganisationRow = Selectable<TrainingOrganisationsTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An organisation's name as people read it; the catalogue sometimes has none (SIRET unknown to the directory). */
export function organisationName(org: Pick<OrganisationRow, "name" | "siret"> | undefined, siret: string): string {
  return org?.name ? displayName(org.name) : `Organisme de formation (SIRET ${siret})`;
}

export function presentSuggestion(
  match: CfaMatch,
  request: Pick<Selectable<CfaRequestsTable>, "id" | "status" | "answer"> | undefined,
): CfaSuggestion {
  return {
    siret: match.siret,
    name: organisationName({ name: match.name, siret: match.siret }, match.siret),
    uai: match.uai,
    city: displayName(match.city),
    postalCode: match.postalCode,
    distanceKm: match.distanceKm,
    match: match.match,
    trainings: match.trainings.slice(0, CFA_LIMITS.trainingsPerCfa).map((t) => ({
      ...t,
      title: displayLabel(t.title),
      city: displayName(t.city),
    })),
    trainingsCount: match.trainingsCount,
    request: request ? { id: request.id, status: request.status, answer: request.answer } : null,
  };
}

export function presentOwnerRequest(row: RequestRow): OwnerCfaRequest {
  return {
    id: row.id,
    cfa: {
      siret: row.cfa_siret,
      name: organisationName({ name: row.cfa_name, siret: row.cfa_siret }, row.cfa_siret),
      city: displayName(row.cfa_city),
    },
    match: row.match,
    distanceKm: row.distance_km,
    status: row.status,
    statusLabel: cfaRequestStatusLabels[row.status],
    answer: row.answer,
    answerLabel: row.answer ? cfaAnswerLabels[row.answer] : null,
    answerMessage: row.answer_message,
    // The CFA's address is catalogue data; it is shown once the CFA engages (offers candidates).
    cfaContactEmail: row.answer === "candidates" ? row.cfa_email : null,
    createdAt: iso(row.created_at) as string,
    sentAt: iso(row.sent_at),
    answeredAt: iso(row.answered_at),
  };
}

/** Whether a CFA may still answer: not for an offer the company filled or cancelled. */
export const answerable = (offer: Pick<OfferRow, "status">) =>
  offer.status !== "filled" && offer.status !== "cancelled";

/** The offer as a CFA sees it: the contact's name, never their email address or phone (ADR 006). */
export function presentOfferForCfa(offer: OfferRow, publicUrl: string) {
  const online = offer.status === "active";
  return {
    id: offer.id,
    title: offer.title,
    romeCode: offer.rome_code,
    romeLabel: offer.rome_label,
    companyName: offer.company_name,
    contactName: `${offer.contact_first_name} ${offer.contact_last_name}`,
    city: offer.city,
    postalCode: offer.postal_code,
    startDate: offer.start_asap ? null : offer.start_date,
    startAsap: offer.start_asap,
    contractTypes: offer.contract_types,
    diplomaLevel: offer.diploma_level,
    durationMonths: offer.duration_months,
    positions: offer.positions,
    rhythm: offer.rhythm,
    online,
    url: online ? `${publicUrl}/offres/${offer.id}` : null,
  };
}

export function presentAnswerState(
  request: Pick<Selectable<CfaRequestsTable>, "answer" | "answer_message" | "answered_at">,
  offer: OfferRow,
) {
  return {
    answer: request.answer,
    answerMessage: request.answer_message,
    answeredAt: iso(request.answered_at),
    canAnswer: answerable(offer),
  };
}

export function presentInboxItem(
  request: Selectable<CfaRequestsTable>,
  offer: OfferRow,
  publicUrl: string,
): CfaInboxItem {
  return {
    id: request.id,
    cfaSiret: request.cfa_siret,
    offer: presentOfferForCfa(offer, publicUrl),
    match: request.match,
    distanceKm: request.distance_km,
    sentAt: iso(request.sent_at ?? request.created_at) as string,
    ...presentAnswerState(request, offer),
  };
}

export interface TrainingSearchRow {
  id: string;
  title: string;
  cfd: string | null;
  rncp_code: string | null;
  diploma_level: number | null;
  rome_codes: string[];
  street: string | null;
  postal_code: string | null;
  city: string | null;
  insee_code: string | null;
  lat: number;
  lon: number;
  start_months: string[];
  organisation_siret: string;
  organisation_name: string | null;
  organisation_uai: string | null;
  rank: number;
  distance_km: number;
}

export function presentTraining(row: TrainingSearchRow): TrainingResult {
  return {
    id: row.id,
    title: displayLabel(row.title),
    cfd: row.cfd,
    rncpCode: row.rncp_code,
    diplomaLevel: row.diploma_level,
    diplomaLevelLabel: row.diploma_level ? (diplomaLevelLabels[row.diploma_level] ?? null) : null,
    romeCodes: row.rome_codes,
    match: row.rank === 1 ? "exact" : "parent",
    organisation: {
      siret: row.organisation_siret,
      name: organisationName({ name: row.organisation_name, siret: row.organisation_siret }, row.organisation_siret),
      uai: row.organisation_uai,
    },
    place: {
      address: displayAddress(row.street),
      postalCode: row.postal_code,
      city: displayName(row.city),
      inseeCode: row.insee_code,
      lat: row.lat,
      lon: row.lon,
    },
    distanceKm: row.distance_km,
    startMonths: row.start_months,
  };
}
