import { emailDomain, type IntermediaryReport, isPublicMailboxDomain } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import * as reports from "./intermediary-reports-repository.js";
import { type Db, findUserById } from "./repository.js";

/**
 * « Ce n'est pas nous »: the company contact of an offer posted on its behalf removed it from the
 * emailed link. The intermediary goes to the admin queue, flagged when the "company contact" is at
 * the intermediary's own email domain (the known pattern of invented partner companies).
 * Called by the offers module inside the transaction that cancels the offer; once per offer.
 */
export async function reportIntermediary(
  db: Db,
  report: { offerId: string; intermediaryUserId: string; companyContactEmail: string; now: Date },
): Promise<void> {
  const intermediary = await findUserById(db, report.intermediaryUserId);
  if (!intermediary) return;
  const domain = emailDomain(intermediary.email);
  const sameDomain =
    domain !== "" && !isPublicMailboxDomain(domain) && domain === emailDomain(report.companyContactEmail);
  await reports.insertIntermediaryReport(db, {
    offerId: report.offerId,
    intermediaryUserId: report.intermediaryUserId,
    intermediaryEmail: intermediary.email,
    companyContactEmail: report.companyContactEmail.toLowerCase(),
    sameDomain,
    createdAt: report.now,
  });
}

function present(r: reports.IntermediaryReportRow): IntermediaryReport {
  return {
    id: r.id,
    offer: { id: r.offer_id, title: r.title, companyName: r.company_name, siret: r.siret },
    intermediary: {
      email: r.intermediary_email,
      name: r.first_name ? `${r.first_name} ${r.last_name} (${r.intermediary_name ?? "intermédiaire"})` : null,
    },
    companyContactEmail: r.company_contact_email,
    sameDomain: r.same_domain,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

/** The admin queue: flagged (same domain) first, then oldest first. */
export async function listIntermediaryReports(db: Db, status: "open" | "all"): Promise<IntermediaryReport[]> {
  return (await reports.listIntermediaryReportRows(db, status)).map(present);
}

export async function decideIntermediaryReport(
  db: Db,
  id: string,
  decision: { decision: "clear" | "confirm"; reason: string },
  actor: string,
  now: Date,
): Promise<IntermediaryReport> {
  const updated = await reports.decideOpenIntermediaryReport(db, id, {
    status: decision.decision === "clear" ? "cleared" : "confirmed",
    decidedBy: actor,
    reason: decision.reason,
    decidedAt: now,
  });
  const row = await reports.findIntermediaryReportRow(db, id);
  if (!row) throw new AppError("INTERMEDIARY_REPORT_NOT_FOUND");
  if (!updated) throw new AppError("INTERMEDIARY_REPORT_ALREADY_DECIDED");
  return present(row);
}
