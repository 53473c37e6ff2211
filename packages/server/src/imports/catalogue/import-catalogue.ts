import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { CatalogueSource } from "../../db/tables/cfa.js";
import { formatNumber, type ImportSummary, ImportTracker } from "../../lib/import-tracker.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { openMaybeGzip } from "../csv.js";
import { readJsonArray } from "./json-array-reader.js";
import { loadCatalogueBatch, pruneTrainingsNotIn } from "./loader.js";
import { type MappedOrganisation, type MappedTraining, mapCatalogueRecord, rejectReasons } from "./record-mapper.js";
import { loadCatalogueReferences } from "./references.js";

export interface CatalogueImportOptions {
  /** A JSON array of trainings (catalogue export) or `{ "results": [...] }` (LBA API); .gz accepted. */
  file: string;
  rejectsFile?: string | undefined;
  progressEvery?: number;
  /** Trainings per transaction (default 1 000; at most 3 000 to stay within statement parameters). */
  batchSize?: number;
  /** The file is the whole catalogue: trainings of its sources that it no longer lists are removed. */
  replace?: boolean;
  /** Organisations whose record does not say whether they are quality-certified (default: certified). */
  defaultCertified?: boolean;
  /** The import's timestamp (injected in tests). */
  now?: Date;
}

export interface CatalogueImportResult extends ImportSummary {
  organisations: number;
  removed: number;
  romeSources: Record<string, number>;
}

/**
 * Streams a catalogue file into the training tables: records are read one at a time, completed
 * from reference data, rejected with a reason when unusable, and written in batches (one batch in
 * flight while the next is read). A record repeated in a batch keeps its last version.
 */
export async function importCatalogue(
  db: Kysely<Database>,
  options: CatalogueImportOptions,
  report: ProgressReporter,
): Promise<CatalogueImportResult> {
  const now = options.now ?? new Date();
  const batchSize = Math.min(options.batchSize ?? 1_000, 3_000);
  const refs = await loadCatalogueReferences(db);
  const tracker = new ImportTracker(
    options.file,
    "Catalogue des formations",
    report,
    options.progressEvery ?? 10_000,
    options.rejectsFile,
  );
  const loadOptions = { now, defaultCertified: options.defaultCertified ?? true, parentOf: refs.parentOf };
  const sources = new Set<CatalogueSource>();
  const organisations = new Set<string>();
  const romeSources: Record<string, number> = {};

  let batch = new Map<string, { organisation: MappedOrganisation; training: MappedTraining }>();
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const records = [...batch.values()];
    batch = new Map();
    await inFlight;
    inFlight = loadCatalogueBatch(db, records, loadOptions).then(() => tracker.loaded(records.length));
    // Observed at the next flush; marked handled now so that Node does not abort in between.
    inFlight.catch(() => {});
  };
  try {
    for await (const item of readJsonArray(openMaybeGzip(options.file))) {
      tracker.rowRead();
      if ("error" in item) {
        // Grouped under one reason; the parser's detail would make each reject a reason of its own.
        tracker.reject(item.index, "", rejectReasons.invalidJson);
        continue;
      }
      const mapped = mapCatalogueRecord(item.value, refs);
      if ("reject" in mapped) {
        tracker.reject(item.index, mapped.key, mapped.reject);
        continue;
      }
      sources.add(mapped.training.source);
      organisations.add(mapped.organisation.siret);
      romeSources[mapped.training.romeSource] = (romeSources[mapped.training.romeSource] ?? 0) + 1;
      batch.set(mapped.training.sourceKey, mapped);
      if (batch.size >= batchSize) await flush();
    }
    if (batch.size > 0) await flush();
  } finally {
    // Never leave a load running unobserved, even when reading failed.
    await inFlight;
  }
  const summary = await tracker.finish();
  const removed = options.replace ? await pruneTrainingsNotIn(db, [...sources], now) : 0;
  report(
    `  ${formatNumber(organisations.size)} organismes ; codes ROME : ${Object.entries(romeSources)
      .map(([source, n]) => `${formatNumber(n)} par ${romeSourceLabels[source] ?? source}`)
      .join(", ")}${options.replace ? ` ; ${formatNumber(removed)} formations retirées (absentes du fichier)` : ""}.`,
  );
  return { ...summary, organisations: organisations.size, removed, romeSources };
}

const romeSourceLabels: Record<string, string> = {
  rncp: "le RNCP de la formation",
  diploma: "le RNCP du diplôme (CFD)",
  catalogue: "le catalogue",
  domain: "le domaine du diplôme",
};
