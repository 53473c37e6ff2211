import type { CreateReport, ReportReason } from "@tremplin/core";

/** What is reported: an offer (by id) or a company likely to recruit (by SIRET). */
export type ReportTarget = { kind: "offer"; offerId: string } | { kind: "company"; siret: string };

/** The words of the form for each target (« Signaler cette offre », « retirer l'offre »). */
export function reportTargetWords(target: ReportTarget): { this: string; the: string } {
  return target.kind === "offer"
    ? { this: "cette offre", the: "l'offre" }
    : { this: "cette entreprise", the: "l'entreprise" };
}

/** The API body: the target's key, the reason, and the details only when some were written. */
export function reportBody(target: ReportTarget, reason: ReportReason, message: string): CreateReport {
  const details = message.trim();
  return {
    ...(target.kind === "offer" ? { offerId: target.offerId } : { siret: target.siret }),
    reason,
    ...(details ? { message: details } : {}),
  } as CreateReport;
}
