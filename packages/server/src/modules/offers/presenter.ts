import {
  extensionMovesExpiry,
  type OwnerOffer,
  offerOpcoCertified,
  offerStatusLabels,
  type PublicOffer,
} from "@tremplin/core";
import type { Selectable } from "kysely";
import type { OffersTable } from "../../db/tables/offers.js";

export type OfferRow = Selectable<OffersTable> & { account_status?: string | null; account_type?: string | null };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The public shape: what candidates and partners may see. Contact details never leave this module. */
export function presentPublicOffer(row: OfferRow, publicUrl: string): PublicOffer {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    appellation: { codeOgr: row.appellation_code, label: row.appellation_label },
    romeCode: row.rome_code,
    romeLabel: row.rome_label,
    romeVersion: row.rome_version,
    description: row.description,
    access: row.access,
    skills: row.skills,
    startDate: row.start_date,
    startAsap: row.start_asap,
    contractTypes: row.contract_types,
    diplomaLevel: row.diploma_level,
    durationMonths: row.duration_months,
    positions: row.positions,
    rhythm: row.rhythm,
    disabilityFriendly: row.disability_friendly,
    company: {
      siret: row.siret,
      name: row.company_name,
      nafLabel: row.naf_label,
      city: row.city,
      postalCode: row.postal_code,
      inseeCode: row.insee_code,
      lat: row.lat,
      lon: row.lon,
      description: row.company_description,
      // The badge speaks of the company: offers posted by a CFA carry its account, not the company's.
      opcoCertified: offerOpcoCertified({ type: row.account_type, status: row.account_status }),
    },
    intermediary:
      row.intermediary_kind && row.intermediary_name
        ? { kind: row.intermediary_kind, name: row.intermediary_name }
        : null,
    publishedAt: iso(row.published_at),
    expiresAt: iso(row.expires_at),
    updatedAt: iso(row.updated_at) as string,
    url: `${publicUrl}/offres/${row.id}`,
  };
}

/**
 * The owner's view: adds counters, the company contact they declared, and whether extending now
 * would change anything (`lifecycle`: the clock's now and the configured offer duration).
 */
export function presentOwnerOffer(
  row: OfferRow,
  publicUrl: string,
  lifecycle: { now: Date; ttlDays: number },
  postedBy: OwnerOffer["postedBy"] = null,
): OwnerOffer {
  return {
    ...presentPublicOffer(row, publicUrl),
    views: row.views,
    applications: row.applications_count,
    companyContact: {
      firstName: row.contact_first_name,
      lastName: row.contact_last_name,
      email: row.contact_email,
      phone: row.contact_phone,
    },
    statusLabel: offerStatusLabels[row.status],
    createdAt: iso(row.created_at) as string,
    canExtend: extensionMovesExpiry(row.status, row.expires_at, lifecycle.now, lifecycle.ttlDays),
    postedBy,
  };
}
