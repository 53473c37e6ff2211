import type { Kysely } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every pending migration (each in its own transaction); returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new MigrationError(
      `Échec de la migration ${failed?.migrationName ?? "?"} : ${String((result.error as Error).message ?? result.error)}`,
      { cause: result.error },
    );
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
