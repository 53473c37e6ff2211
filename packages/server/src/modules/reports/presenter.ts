import { type AdminReport, reportReasonLabels, reportStatusLabels } from "@tremplin/core";
import type { ReportRow } from "./repository.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentAdminReport(row: ReportRow): AdminReport {
  return {
    id: row.id,
    target: {
      kind: row.target_kind,
      offerId: row.offer_id,
      siret: row.siret,
      title: row.offer_title,
      companyName: row.company_name,
      offerStatus: row.offer_status,
    },
    reason: row.reason,
    reasonLabel: reportReasonLabels[row.reason],
    message: row.message,
    status: row.status,
    statusLabel: reportStatusLabels[row.status],
    reportsOnTarget: Number(row.reports_on_target),
    decidedAt: iso(row.decided_at),
    decisionNote: row.decision_note,
    createdAt: iso(row.created_at) as string,
  };
}
