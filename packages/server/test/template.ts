import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { loadReferenceData } from "../src/imports/reference/load-reference.js";
import { repoRoot } from "../src/lib/paths.js";

/**
 * Test databases start from a template: migrated, reference data loaded. Building it takes ~20 s,
 * so it is built once per change of migrations, loaders or data (content hash) and reused.
 */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function templateHash(): string {
  const hash = createHash("sha256");
  for (const file of [
    ...filesUnder(path.join(repoRoot, "packages/server/src/db/migrations")),
    path.join(repoRoot, "packages/server/src/db/connection.ts"),
    ...filesUnder(path.join(repoRoot, "packages/server/src/imports/reference")).filter((f) => !f.endsWith(".test.ts")),
    ...filesUnder(path.join(repoRoot, "data/reference")),
  ]) {
    hash.update(path.relative(repoRoot, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

/** PGlite: a gzip tarball of a ready data directory under .data/test-templates. */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = path.join(repoRoot, ".data", "test-templates");
  const file = path.join(dir, `pglite-${templateHash()}.tar.gz`);
  mkdirSync(dir, { recursive: true });
  // Templates of older schemas or reference data are never used again: one cached file at a time.
  for (const old of readdirSync(dir).filter(
    (f) => /^pglite-[0-9a-f]+\.tar\.gz$/.test(f) && f !== path.basename(file),
  )) {
    rmSync(path.join(dir, old), { force: true });
  }
  if (existsSync(file) && statSync(file).size > 0) return file;
  const handle = await openDatabase({ purpose: "test template" });
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    const blob = await handle.dump?.();
    if (!blob) throw new Error("PGlite dump unavailable");
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  } finally {
    await handle.close();
  }
  return file;
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** PostgreSQL: a template database `<db>_tpl_<hash>` next to DATABASE_URL's database. */
export async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const name = `${databaseNameOf(adminUrl)}_tpl_${templateHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Templates of older schemas or reference data are never used again: one per database at a time.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1 and datname <> $2",
      [`${databaseNameOf(adminUrl).replace(/[\\_%]/g, "\\$&")}\\_tpl\\_%`, name],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`drop database if exists "${datname}"`).catch(() => {}); // in use by another run: left
    }
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"`);
    const handle = await openDatabase({
      databaseUrl: withDatabaseName(adminUrl, building),
      purpose: "test template",
      poolSize: 2,
    });
    try {
      await migrateToLatest(handle.db);
      await loadReferenceData(handle.db);
    } finally {
      await handle.close();
    }
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.end();
  }
}
