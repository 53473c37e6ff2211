import {
  type ApplicationReceipt,
  type ApplicationStatus,
  applicationStatusLabels,
  type RecruiterApplication,
  type RecruiterStatus,
  recruiterStatuses,
  withPreposition,
} from "@tremplin/core";
import type { ApplicationWithDelivery } from "./repository.js";
import type { ApplicationTarget } from "./target.js";

const iso = (d: Date | string) => new Date(d).toISOString();

/** What the candidate (or the partner) gets back: the target's public facts, never its recipient. */
export function presentReceipt(input: {
  id: string;
  target: ApplicationTarget;
  cv: { fileName: string; size: number } | null;
  createdAt: Date;
}): ApplicationReceipt {
  const { target } = input;
  return {
    id: input.id,
    status: "new",
    target: {
      kind: target.kind,
      offerId: target.offerId,
      siret: target.siret,
      title: target.title,
      companyName: target.companyName,
    },
    cv: input.cv,
    createdAt: iso(input.createdAt),
    message: `Votre candidature a été transmise ${withPreposition("à", target.companyName)}. Vous en recevez une copie par e-mail, et la réponse du recruteur vous parviendra de la même façon.`,
  };
}

function delivery(status: string | null): RecruiterApplication["delivery"] {
  if (status === "sent") return "delivered";
  if (status === "failed" || status === "cancelled") return "failed";
  return "pending";
}

/** The recruiter's view of an application they received. */
export function presentRecruiterApplication(row: ApplicationWithDelivery): RecruiterApplication {
  const anonymised = row.anonymised_at !== null;
  return {
    id: row.id,
    target: {
      kind: row.target_kind,
      offerId: row.offer_id,
      siret: row.siret,
      title: row.offer_title,
      companyName: row.company_name,
    },
    candidate: {
      firstName: row.candidate_first_name ?? (anonymised ? "(anonymisé)" : ""),
      lastName: row.candidate_last_name ?? "",
      email: row.candidate_email ?? "",
      phone: row.candidate_phone,
    },
    message: row.message,
    cv: row.cv_file_name && row.cv_size !== null ? { fileName: row.cv_file_name, size: row.cv_size } : null,
    status: row.status,
    statusLabel: applicationStatusLabels[row.status],
    answer:
      row.answered_at && isRecruiterStatus(row.status)
        ? {
            decision: row.status,
            reason: row.refusal_reason,
            message: row.answer_message,
            answeredAt: iso(row.answered_at),
          }
        : null,
    delivery: delivery(row.delivery_status),
    source: row.source === "partner" ? (row.partner_name ?? "partenaire") : "tremplin",
    createdAt: iso(row.created_at),
  };
}

export function countByStatus(rows: ReadonlyArray<{ status: ApplicationStatus }>) {
  const counts = { total: rows.length, new: 0, seen: 0, interview: 0, refused: 0, hired: 0, withdrawn: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

const isRecruiterStatus = (status: ApplicationStatus): status is RecruiterStatus =>
  (recruiterStatuses as readonly string[]).includes(status);
