import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../packages/server/src/db/connection.js";
import { ensurePgliteTemplate, ensurePostgresTemplate, withDatabaseName } from "../packages/server/test/template.js";

/**
 * The algo benchmark's database: PGlite on disk in a temporary folder (as on a laptop), or a fresh
 * PostgreSQL database cloned from the test template when DATABASE_URL is set. Both start migrated,
 * with the reference data; both are deleted at the end.
 */
export async function openAlgoBenchDatabase(
  url: string | undefined,
): Promise<DatabaseHandle & { sizeMiB(): Promise<number> }> {
  if (!url) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tremplin-bench-algo-"));
    const handle = await openDatabase({
      dataDir,
      purpose: "bench algo",
      loadDataDir: new Blob([readFileSync(await ensurePgliteTemplate())]),
    });
    return {
      ...handle,
      sizeMiB: async () => databaseSize(handle),
      close: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const template = await ensurePostgresTemplate(url);
  const name = `${template.replace(/_tpl_.*/, "")}_bench_algo`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: withDatabaseName(url, name), purpose: "bench algo" });
  return {
    ...handle,
    sizeMiB: async () => databaseSize(handle),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

async function databaseSize(handle: DatabaseHandle): Promise<number> {
  const { sql } = await import("kysely");
  const row = await sql<{ bytes: number }>`select pg_database_size(current_database())::float8 as bytes`.execute(
    handle.db,
  );
  return (row.rows[0]?.bytes ?? 0) / 2 ** 20;
}
