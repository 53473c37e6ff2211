import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.js";
import { withDatabaseName } from "./template.js";

export type DatabaseTemplate =
  | { engine: "pglite"; file: string }
  | { engine: "postgres"; adminUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

let pgliteTemplate: Buffer | undefined;

/**
 * A fresh database for one test file, cloned from the template (migrated, reference data loaded):
 * PGlite in memory by default, a new PostgreSQL database when DATABASE_URL is set. Never a mock.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("databaseTemplate");
  if (template.engine === "pglite") {
    pgliteTemplate ??= readFileSync(template.file);
    return openDatabase({ purpose: "test", loadDataDir: new Blob([pgliteTemplate]) });
  }
  const name = `${template.template.replace(/_tpl_.*/, "")}_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template.template}"`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({
    databaseUrl: withDatabaseName(template.adminUrl, name),
    purpose: "test",
    poolSize: 5,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: template.adminUrl });
      await cleanup.connect();
      try {
        await dropWhenClosed(cleanup, name);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Drops a test database once its connections are gone. The pool's end() resolves before its sockets
 * have closed; forcing the drop at once would terminate connections still closing, and pg reports
 * that as an uncaught error in the test run. So: a plain drop, retried while the database is
 * still « being accessed by other users » (55006), then forced.
 */
async function dropWhenClosed(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await client.query(`drop database if exists "${name}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.query(`drop database if exists "${name}" with (force)`);
}
