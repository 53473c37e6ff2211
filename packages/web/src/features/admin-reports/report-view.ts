import { type ReportStatus, reportStatuses } from "@tremplin/core";

interface GroupableReport {
  target: { kind: "offer" | "company"; offerId: string | null; siret: string };
}

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

/**
 * Reports of the same offer (or company) as one group, in the order of their first report: the
 * admin decides once for all of them (the API closes every open report of the target together).
 */
export function groupByTarget<R extends GroupableReport>(reports: readonly R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const report of reports) {
    const key =
      report.target.kind === "offer"
        ? `offer:${report.target.offerId ?? report.target.siret}`
        : `company:${report.target.siret}`;
    const group = groups.get(key);
    if (group) group.push(report);
    else groups.set(key, [report]);
  }
  return [...groups.values()];
}
