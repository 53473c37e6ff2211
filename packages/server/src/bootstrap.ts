import type { Config } from "./config.js";
import { type DatabaseHandle, openDatabase } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { loadDemoData } from "./demo/load-demo.js";
import { isReferenceDataMissing, loadReferenceData } from "./imports/reference/load-reference.js";
import type { ProgressReporter } from "./lib/progress-reporter.js";

/** Opens the configured database (PGlite in DATA_DIR unless DATABASE_URL is set). */
export function openConfiguredDatabase(config: Config, purpose: string): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose });
}

/**
 * Brings a database to a usable state: migrations, then reference data and the demo set if the
 * database is new. Safe to run at every start.
 */
export async function prepareDatabase(handle: DatabaseHandle, config: Config, report: ProgressReporter): Promise<void> {
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) report(`Migrations appliquées : ${applied.join(", ")}`);
  if (await isReferenceDataMissing(handle.db)) {
    report("Base neuve : chargement des données de référence (une seule fois, moins d'une minute)…");
    await loadReferenceData(handle.db, report);
  }
  if (config.demoData) {
    const { publicUrl, cvEncryptionKey, cvRetentionDays } = config;
    await loadDemoData(handle.db, { publicUrl, cvEncryptionKey, cvRetentionDays }, report);
  }
}
