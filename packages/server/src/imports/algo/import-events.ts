import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import {
  type ContractRecord,
  emptySummary,
  type HireRecord,
  type ImportSummary,
  isoOfDay,
  parseContractLine,
  parseHireLine,
  readRecordBatches,
  romeKey,
} from "@tremplin/algo";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { AlgoSource } from "../../db/tables/algo.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { EventSetWriter } from "./event-sets.js";
import { describeSummary, type ImportOutcome, summaryReport } from "./report.js";
import * as repo from "./repository.js";

type Db = Kysely<Database>;

/** An import that cannot go on, with a French message for the person who ran it. */
export class AlgoImportError extends Error {
  override name = "AlgoImportError";
}

export interface EventImportOptions {
  file: string;
  source: "contracts" | "hires";
  now: Date;
  /** An earlier import of the same source to delete in the same transaction (a corrected file). */
  replaceImportId?: number;
  /** Events held in memory before a write (bounded memory for any file size). */
  bufferEvents?: number;
  /** Name recorded for the import (default: the file's name). */
  label?: string;
}

function emptyOutcome(importId: number, source: "contracts" | "hires"): ImportOutcome {
  const reasons = { reasons: [], examples: [] };
  return {
    importId,
    source,
    records: 0,
    skipped: 0,
    rejected: 0,
    unknownSirets: 0,
    firstDay: null,
    lastDay: null,
    reasons,
  };
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Refuses a file already imported, unless it is the import being replaced. */
export async function checkNotImported(
  db: Db,
  source: AlgoSource,
  sha: string,
  replaceImportId: number | undefined,
): Promise<void> {
  const earlier = await repo.findImportBySha(db, source, sha);
  if (earlier && earlier.id !== replaceImportId) {
    throw new AlgoImportError(
      `Ce fichier a déjà été importé (import n° ${earlier.id}, « ${earlier.file_name} », le ${earlier.started_at.toISOString().slice(0, 10)}) : ` +
        `ses embauches seraient comptées deux fois. Pour le remplacer, ajoutez --replace-import ${earlier.id}.`,
    );
  }
  if (replaceImportId !== undefined) {
    const replaced = await repo.findImport(db, replaceImportId);
    if (!replaced || replaced.source !== source)
      throw new AlgoImportError(`L'import n° ${replaceImportId} n'existe pas ou ne porte pas sur les mêmes données.`);
  }
}

/**
 * Imports a contracts file (`SIRET;Date debut contrat;Type contrat;Code postal`) or a hires file
 * (`siret;date;contractType`, or the 27-column declaration extract) in one transaction: streamed,
 * packed per establishment, rejects counted with their reasons. Nothing is kept if it fails.
 */
export async function importEventFile(
  db: Db,
  options: EventImportOptions,
  say: ProgressReporter,
): Promise<ImportOutcome> {
  const what = options.source === "contracts" ? "contrats d'alternance" : "autres embauches";
  const sha = await sha256Of(options.file);
  await checkNotImported(db, options.source, sha, options.replaceImportId);
  const summary: ImportSummary = emptySummary();
  return db.transaction().execute(async (trx) => {
    if (options.replaceImportId !== undefined) {
      await repo.deleteImport(trx, options.replaceImportId);
      say(`Import n° ${options.replaceImportId} supprimé (remplacé par ce fichier).`);
    }
    const importId = await repo.createImport(trx, {
      source: options.source,
      fileName: options.label ?? path.basename(options.file),
      sha256: sha,
      now: options.now,
    });
    const writer = new EventSetWriter(trx, options.source, importId, options.bufferEvents);
    say(`Import n° ${importId} : ${what} depuis ${path.basename(options.file)}…`);
    let nextReport = 1_000_000;
    const parse = options.source === "contracts" ? parseContractLine : parseHireLine;
    for await (const batch of readRecordBatches<ContractRecord | HireRecord>(options.file, parse, summary)) {
      for (const r of batch) {
        writer.add(r.siret, r.day, r.kind, "rome" in r ? romeKey(r.rome) : 0);
        if (writer.full) await writer.flush();
      }
      if (summary.records >= nextReport) {
        say(`  ${summary.records.toLocaleString("fr-FR")} lignes retenues…`);
        nextReport += 1_000_000;
      }
    }
    await writer.flush();
    if (summary.records === 0 && summary.rejected > 0) {
      for (const line of describeSummary(
        { ...emptyOutcome(importId, options.source), rejected: summary.rejected, reasons: summaryReport(summary) },
        what,
      ))
        say(line);
      throw new AlgoImportError(
        `Aucune ligne retenue (${summary.rejected.toLocaleString("fr-FR")} rejetées) : le fichier n'est sans doute pas au format attendu. Rien n'a été importé.`,
      );
    }
    const unknownSirets = await repo.countUnknownSirets(trx, importId);
    const outcome: ImportOutcome = {
      importId,
      source: options.source,
      records: summary.records,
      skipped: summary.skipped,
      rejected: summary.rejected,
      unknownSirets,
      firstDay: summary.records > 0 ? isoOfDay(writer.firstDay) : null,
      lastDay: summary.records > 0 ? isoOfDay(writer.lastDay) : null,
      reasons: summaryReport(summary),
    };
    await repo.finishImport(trx, importId, { ...outcome, report: outcome.reasons, now: options.now });
    for (const line of describeSummary(outcome, what)) say(line);
    return outcome;
  });
}
