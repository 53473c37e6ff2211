import type { DatabaseHandle } from "../packages/server/src/db/connection.js";
import { openBenchDatabase } from "./_bench-db.js";

/**
 * The algo benchmark's database: PGlite on disk in a temporary folder (as on a laptop), or a fresh
 * PostgreSQL database cloned from the test template when DATABASE_URL is set. Both start migrated,
 * with the reference data; both are deleted at the end.
 */
export async function openAlgoBenchDatabase(
  url: string | undefined,
): Promise<DatabaseHandle & { sizeMiB(): Promise<number> }> {
  const handle = await openBenchDatabase("algo", url);
  return { ...handle, sizeMiB: async () => databaseSize(handle) };
}

async function databaseSize(handle: DatabaseHandle): Promise<number> {
  const { sql } = await import("kysely");
  const row = await sql<{ bytes: number }>`select pg_database_size(current_database())::float8 as bytes`.execute(
    handle.db,
  );
  return (row.rows[0]?.bytes ?? 0) / 2 ** 20;
}
