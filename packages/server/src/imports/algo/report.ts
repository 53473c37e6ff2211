import type { ImportSummary } from "@tremplin/algo";

/** What an import brought and refused; stored with the import and printed by the CLI. */
export interface ImportOutcome {
  importId: number;
  source: "contracts" | "hires" | "finances";
  records: number;
  skipped: number;
  rejected: number;
  /** Distinct SIRETs the company directory does not know (their rows are kept, but unused until it does). */
  unknownSirets: number;
  firstDay: string | null;
  lastDay: string | null;
  reasons: SummaryReport;
}

export interface SummaryReport {
  reasons: { reason: string; count: number }[];
  examples: { line: number; reason: string }[];
}

export function summaryReport(summary: ImportSummary): SummaryReport {
  return {
    reasons: [...summary.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    examples: summary.examples,
  };
}

const n = (x: number) => x.toLocaleString("fr-FR");

/** The French lines an import prints: counts, then each reason with its count, then examples. */
export function describeSummary(o: ImportOutcome, what: string): string[] {
  const lines = [
    `Import n° ${o.importId} terminé : ${n(o.records)} ${what} retenus, ${n(o.skipped)} lignes écartées, ${n(o.rejected)} lignes rejetées.`,
  ];
  if (o.firstDay && o.lastDay) lines.push(`  Période couverte : du ${o.firstDay} au ${o.lastDay}.`);
  if (o.unknownSirets > 0)
    lines.push(
      `  ${n(o.unknownSirets)} SIRET absents de l'annuaire des entreprises : leurs lignes sont gardées et serviront quand l'annuaire les connaîtra.`,
    );
  for (const r of o.reasons.reasons) lines.push(`  ${n(r.count)} × ${r.reason}`);
  if (o.reasons.examples.length > 0) {
    lines.push("  Premières lignes rejetées :");
    for (const e of o.reasons.examples.slice(0, 10)) lines.push(`    ligne ${e.line} : ${e.reason}`);
  }
  return lines;
}
