import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

/** Receives one human-readable French line per step (printed by the CLI, logged by the server). */
export type ProgressReporter = (line: string) => void;

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
