import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../packages/server/src/db/connection.js";
import { ensurePgliteTemplate, ensurePostgresTemplate, withDatabaseName } from "../packages/server/test/template.js";

/**
 * A benchmark's own database, migrated and with the reference data (cloned from the test template),
 * deleted by `close()`: a fresh PostgreSQL database `<template>_bench_<name>` when DATABASE_URL is
 * set, else PGlite — on disk in a temporary folder (as on a laptop) or, with `inMemory`, in memory.
 */
export async function openBenchDatabase(
  name: string,
  url: string | undefined,
  options: { inMemory?: boolean; poolSize?: number } = {},
): Promise<DatabaseHandle> {
  const purpose = `bench ${name}`;
  if (!url) {
    const loadDataDir = new Blob([readFileSync(await ensurePgliteTemplate())]);
    if (options.inMemory) return openDatabase({ purpose, loadDataDir });
    const dataDir = mkdtempSync(path.join(tmpdir(), `tremplin-bench-${name}-`));
    const handle = await openDatabase({ dataDir, purpose, loadDataDir });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const template = await ensurePostgresTemplate(url);
  const database = `${template.replace(/_tpl_.*/, "")}_bench_${name}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists "${database}" with (force)`);
  await admin(`create database "${database}" template "${template}"`);
  const handle = await openDatabase({
    databaseUrl: withDatabaseName(url, database),
    purpose,
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(`drop database if exists "${database}" with (force)`);
    },
  };
}
