import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { type ImportSummary, ImportTracker } from "../../lib/import-tracker.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { mapEstablishment, requiredEstablishmentColumns } from "../../modules/companies/sirene/establishment-mapper.js";
import {
  type LegalUnitRecord,
  mapLegalUnit,
  requiredLegalUnitColumns,
} from "../../modules/companies/sirene/legal-unit-mapper.js";
import {
  createSecondaryIndexes,
  type DeferredIndexes,
  dropSecondaryIndexes,
  isDirectoryEmpty,
  type LoadableEstablishment,
  loadCommuneIndex,
  refreshEstablishmentNames,
  upsertEstablishments,
  upsertLegalUnits,
  withCommune,
  withoutCommitWait,
} from "./loader.js";
import { readStockRows, type StockRow } from "./source.js";

export interface SireneImportOptions {
  /** StockEtablissement file (.csv, .csv.gz or .zip). */
  establishments: string;
  /** StockUniteLegale file, loaded first so that establishments get their legal names. */
  legalUnits?: string | undefined;
  /** CSV file receiving each rejected row with its reason. */
  rejectsFile?: string | undefined;
  /** A progress line every N rows (default 100 000). */
  progressEvery?: number;
  /** Rows per statement (default 5 000: measured fastest on both engines, see bench/README.md). */
  batchSize?: number;
  /**
   * Which secondary indexes a first load (empty directory) drops and rebuilds at the end: "btree"
   * (default), "all", or "none". Measured: the GiST costs no less rebuilt than maintained.
   */
  deferIndexes?: DeferredIndexes;
}

export interface SireneImportResult {
  legalUnits?: ImportSummary;
  establishments: ImportSummary;
}

/**
 * Streams rows into batches and writes each batch while the next one is being parsed (one batch
 * in flight at most, so memory stays flat). Rows repeated within a batch keep the last one:
 * a single upsert statement may not touch the same key twice.
 */
async function streamInBatches<R>(
  rows: AsyncIterable<StockRow>,
  map: (row: StockRow) => { record: R; key: string } | { reject: string; key: string },
  load: (batch: R[]) => Promise<void>,
  tracker: ImportTracker,
  batchSize: number,
): Promise<void> {
  let batch = new Map<string, R>();
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const records = [...batch.values()];
    batch = new Map();
    await inFlight;
    inFlight = load(records).then(() => tracker.loaded(records.length));
    // Observed at the next flush; marked handled now so that Node does not abort in between.
    inFlight.catch(() => {});
  };
  try {
    for await (const row of rows) {
      tracker.rowRead();
      const result = map(row);
      if ("reject" in result) tracker.reject(row.line, result.key, result.reject);
      else batch.set(result.key, result.record);
      if (batch.size >= batchSize) await flush();
    }
    if (batch.size > 0) await flush();
  } finally {
    // Never leave a load running unobserved, even when reading failed.
    await inFlight;
  }
}

/** Imports Sirene stock files into the directory: idempotent upserts, rejects reported, never in memory. */
export async function importSirene(
  db: Kysely<Database>,
  options: SireneImportOptions,
  report: ProgressReporter = () => {},
): Promise<SireneImportResult> {
  const every = options.progressEvery ?? 100_000;
  const batchSize = options.batchSize ?? 5_000;
  let legalUnits: ImportSummary | undefined;

  if (options.legalUnits) {
    report(`Unités légales : lecture de ${options.legalUnits}…`);
    const tracker = new ImportTracker(options.legalUnits, "Unités légales", report, every, options.rejectsFile);
    await streamInBatches<LegalUnitRecord>(
      readStockRows(options.legalUnits, requiredLegalUnitColumns),
      (row) => {
        const mapped = mapLegalUnit(row);
        return "reject" in mapped
          ? { reject: mapped.reject, key: row.get("siren") }
          : { record: mapped.record, key: mapped.record.siren };
      },
      (batch) =>
        withoutCommitWait(db, async (trx) => {
          await upsertLegalUnits(trx, batch);
          await refreshEstablishmentNames(
            trx,
            batch.map((r) => r.siren),
          );
        }),
      tracker,
      batchSize,
    );
    legalUnits = await tracker.finish();
  }

  report(`Établissements : lecture de ${options.establishments}…`);
  const tracker = new ImportTracker(options.establishments, "Établissements", report, every, options.rejectsFile);
  const communes = await loadCommuneIndex(db);
  const deferred = (await isDirectoryEmpty(db)) ? (options.deferIndexes ?? "btree") : "none";
  const firstLoad = deferred !== "none";
  if (firstLoad) {
    report(
      `  Annuaire vide : index ${deferred === "all" ? "secondaires" : "B-tree (SIREN, NAF)"} construits une fois, en fin de chargement.`,
    );
    await dropSecondaryIndexes(db, deferred);
  }
  try {
    await streamInBatches<LoadableEstablishment>(
      readStockRows(options.establishments, requiredEstablishmentColumns),
      (row) => {
        const mapped = mapEstablishment(row);
        return "reject" in mapped
          ? { reject: mapped.reject, key: row.get("siret") }
          : { record: withCommune(mapped.record, communes), key: mapped.record.siret };
      },
      (batch) => withoutCommitWait(db, (trx) => upsertEstablishments(trx, batch)),
      tracker,
      batchSize,
    );
  } finally {
    if (firstLoad) {
      const started = Date.now();
      await createSecondaryIndexes(db);
      report(`  Index construits en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  }
  const establishments = await tracker.finish();
  return legalUnits ? { legalUnits, establishments } : { establishments };
}
