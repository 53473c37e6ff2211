import { type ReportStatus, reportStatuses } from "@tremplin/core";

/** The queue shown, from `?statut=` (open unless another known status is named). */
export function statusFromQuery(value: string | null): ReportStatus {
  return (reportStatuses as readonly string[]).includes(value ?? "") ? (value as ReportStatus) : "open";
}

/** What was reported, in one line: « Offre « Boulanger » (Boulangerie Démo) » or « Entreprise X (SIRET) ». */
export function targetLabel(target: {
  kind: "offer" | "company";
  title: string | null;
  companyName: string | null;
  siret: string;
}): string {
  const company = target.companyName ?? `SIRET ${target.siret}`;
  if (target.kind === "offer") return `Offre « ${target.title ?? "sans titre"} » · ${company}`;
  return `Entreprise ${company}${target.companyName ? ` · SIRET ${target.siret}` : ""}`;
}

/** « 3 signalements pour cette offre » when others reported the same target. */
export function sameTargetLabel(count: number, kind: "offer" | "company"): string | null {
  if (count <= 1) return null;
  return `${count} signalements pour ${kind === "offer" ? "cette offre" : "cette entreprise"}`;
}
