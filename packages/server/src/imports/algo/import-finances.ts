import path from "node:path";
import { emptySummary, type FinanceRecord, parseFinanceLine, readRecordBatches } from "@tremplin/algo";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { sha256Of } from "./import-events.js";
import { describeSummary, type ImportOutcome, summaryReport } from "./report.js";
import * as repo from "./repository.js";

type Db = Kysely<Database>;

const BATCH = 20_000;

/**
 * Imports financial data (`siren;annee;chiffre_affaires;resultat_net;effectif`, docs/algorithm.md)
 * in one transaction. Rows are upserted by (SIREN, year), so re-importing a file, or a corrected
 * one, is harmless: the latest value of a year wins.
 */
export async function importFinanceFile(
  db: Db,
  options: { file: string; now: Date; label?: string },
  say: ProgressReporter,
): Promise<ImportOutcome> {
  const sha = await sha256Of(options.file);
  const summary = emptySummary();
  return db.transaction().execute(async (trx) => {
    // The same file again only rewrites the same values: the earlier import record is replaced.
    const earlier = await repo.findImportBySha(trx, "finances", sha);
    if (earlier) await repo.deleteImport(trx, earlier.id);
    const importId = await repo.createImport(trx, {
      source: "finances",
      fileName: options.label ?? path.basename(options.file),
      sha256: sha,
      now: options.now,
    });
    say(`Import n° ${importId} : données financières depuis ${path.basename(options.file)}…`);
    let pending: FinanceRecord[] = [];
    let minYear = Number.POSITIVE_INFINITY;
    let maxYear = Number.NEGATIVE_INFINITY;
    for await (const batch of readRecordBatches(options.file, parseFinanceLine, summary)) {
      for (const r of batch) {
        minYear = Math.min(minYear, r.year);
        maxYear = Math.max(maxYear, r.year);
      }
      pending = pending.concat(batch);
      if (pending.length >= BATCH) {
        await repo.upsertFinances(trx, importId, pending);
        pending = [];
      }
    }
    await repo.upsertFinances(trx, importId, pending);
    const outcome: ImportOutcome = {
      importId,
      source: "finances",
      records: summary.records,
      skipped: summary.skipped,
      rejected: summary.rejected,
      unknownSirets: 0,
      // Fiscal years closing on 31 December.
      firstDay: summary.records > 0 ? `${minYear}-12-31` : null,
      lastDay: summary.records > 0 ? `${maxYear}-12-31` : null,
      reasons: summaryReport(summary),
    };
    await repo.finishImport(trx, importId, { ...outcome, report: outcome.reasons, now: options.now });
    for (const line of describeSummary(outcome, "exercices")) say(line);
    return outcome;
  });
}
