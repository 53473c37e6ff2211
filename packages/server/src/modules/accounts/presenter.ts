import {
  type AccountCard,
  type AccountStatus,
  type AccountSummary,
  accountStatusLabels,
  type Me,
} from "@tremplin/core";
import type { findAccountCardRow, listAccounts, listEvents, listOrganisationsOfUser } from "./repository.js";

type SummaryRow = Awaited<ReturnType<typeof listAccounts>>["rows"][number];
type CardRow = NonNullable<Awaited<ReturnType<typeof findAccountCardRow>>>;
type EventRow = Awaited<ReturnType<typeof listEvents>>[number];
type OrganisationRow = Awaited<ReturnType<typeof listOrganisationsOfUser>>[number];

const opcoOf = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentAccountSummary(row: SummaryRow): AccountSummary {
  return {
    id: row.id,
    type: row.type,
    siret: row.siret,
    companyName: row.company_name,
    city: row.city ?? null,
    nafLabel: row.naf_label ?? null,
    status: row.status,
    statusLabel: accountStatusLabels[row.status],
    opco: opcoOf(row.opco_id, row.opco_name ?? null),
    opcoSource: row.opco_source,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentAccountCard(row: CardRow, events: EventRow[]): AccountCard {
  const address = [row.street, [row.postal_code, row.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const diffusible = row.diffusion === "O";
  return {
    id: row.id,
    type: row.type,
    siret: row.siret,
    companyName: row.company_name,
    city: row.city ?? null,
    nafLabel: row.naf_label ?? null,
    status: row.status,
    statusLabel: accountStatusLabels[row.status],
    opco: opcoOf(row.opco_id, row.opco_name ?? null),
    opcoSource: row.opco_source,
    createdAt: new Date(row.created_at).toISOString(),
    contact: { firstName: row.first_name, lastName: row.last_name, email: row.email, phone: row.phone },
    company: {
      name: row.establishment_name ?? row.company_name,
      brand: row.brand ?? null,
      nafCode: row.naf_code ?? null,
      headcountBand: row.headcount_band ?? null,
      // The address of a non-diffusible establishment stays private, even to advisers.
      address: diffusible && address ? address : null,
      idcc: null,
      diffusible,
    },
    rejectionReason: row.rejection_reason,
    history: events.map((e) => ({
      at: new Date(e.created_at).toISOString(),
      actor: e.actor_label,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
    })),
  };
}

export function presentMe(
  user: { id: string; email: string; first_name: string; last_name: string; role: Me["role"] },
  opco: { id: string; name: string } | null,
  organisations: OrganisationRow[],
): Me {
  return {
    id: user.id,
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    role: user.role,
    opco,
    organisations: organisations.map((o) => ({
      accountId: o.id,
      type: o.type,
      siret: o.siret,
      name: o.company_name,
      status: o.status as AccountStatus,
      statusLabel: accountStatusLabels[o.status as AccountStatus],
      opco: opcoOf(o.opco_id, o.opco_name ?? null),
      // Said to the person whose account it is, so that they know what to correct.
      rejectionReason: o.status === "rejected" ? o.rejection_reason : null,
    })),
  };
}
