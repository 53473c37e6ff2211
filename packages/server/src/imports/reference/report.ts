import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

import type { ProgressReporter } from "../../lib/progress-reporter.js";

export interface DatasetResult {
  name: string;
  counts: Record<string, number>;
  warnings: string[];
}

export interface LoadContext {
  db: Kysely<Database>;
  report: ProgressReporter;
}

export const formatCount = (n: number) => n.toLocaleString("fr-FR");

export async function recordDataset(
  db: Kysely<Database>,
  name: string,
  version: string,
  source: string,
  rows: number,
): Promise<void> {
  await db
    .insertInto("reference_datasets")
    .values({ name, version, source, rows })
    .onConflict((oc) => oc.column("name").doUpdateSet({ version, source, rows, loaded_at: new Date() }))
    .execute();
}
