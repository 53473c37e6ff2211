import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { loadDiplomas } from "./diplomas.js";
import { loadGeo } from "./geo.js";
import { loadNaf } from "./naf.js";
import { loadOpco } from "./opco.js";
import type { DatasetResult } from "./report.js";
import { loadRome } from "./rome.js";

export interface ReferenceLoadResult {
  datasets: DatasetResult[];
  durationMs: number;
}

/**
 * Loads every reference dataset from data/reference in one transaction: a failure leaves the
 * previous data in place; a second run replaces rows, never duplicates them.
 */
export async function loadReferenceData(
  db: Kysely<Database>,
  report: ProgressReporter = () => {},
): Promise<ReferenceLoadResult> {
  const started = Date.now();
  report("Chargement des données de référence…");
  const datasets = await db.transaction().execute(async (trx) => {
    const context = { db: trx, report };
    const results: DatasetResult[] = [];
    // Order matters for foreign keys: NAF and OPCO do not depend on anything; communes need départements.
    results.push(await loadRome(context));
    results.push(await loadGeo(context));
    results.push(await loadNaf(context));
    results.push(await loadOpco(context));
    results.push(await loadDiplomas(context));
    return results;
  });
  const durationMs = Date.now() - started;
  const warnings = datasets.reduce((n, d) => n + d.warnings.length, 0);
  report(
    `Données de référence chargées en ${(durationMs / 1000).toFixed(1)} s${warnings ? ` (${warnings} ligne(s) ignorée(s), voir --verbose)` : ""}.`,
  );
  return { datasets, durationMs };
}

/** True when the reference tables are empty (fresh database). */
export async function isReferenceDataMissing(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("reference_datasets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0) < 5;
}
