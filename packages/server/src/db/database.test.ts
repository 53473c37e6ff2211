import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/test-database.js";
import { openDatabase } from "./connection.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { DatabaseLockedError } from "./pglite-lock.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "tremplin-db-"));

describe("migrations", () => {
  it("are all applied on the test engine, with the extensions, and a second run applies nothing", async () => {
    const handle = await createTestDatabase();
    try {
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      const extensions = await sql<{ extname: string }>`select extname from pg_extension`.execute(handle.db);
      expect(extensions.rows.map((r) => r.extname)).toEqual(
        expect.arrayContaining(["cube", "earthdistance", "btree_gist", "pg_trgm", "unaccent"]),
      );
      const normalized = await sql<{
        n: string;
      }>`select normalize_search('Aide-Soignant / Aide-Soignante à Œuvre') as n`.execute(handle.db);
      expect(normalized.rows[0]?.n).toBe("aide soignant aide soignante a oeuvre");
      const distance = await sql<{ km: number }>`
        select earth_distance(ll_to_earth(45.764, 4.8357), ll_to_earth(48.8566, 2.3522)) / 1000 as km`.execute(
        handle.db,
      );
      expect(distance.rows[0]?.km).toBeGreaterThan(385);
      expect(distance.rows[0]?.km).toBeLessThan(400);
    } finally {
      await handle.close();
    }
  });

  it("migrate an empty PGlite database from scratch", async () => {
    const handle = await openDatabase({ purpose: "test" });
    try {
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).sort());
    } finally {
      await handle.close();
    }
  });
});

describe("PGlite directory lock", () => {
  it("refuses a second opener with a message that says what to do", async () => {
    const dir = tmp();
    const first = await openDatabase({ dataDir: dir, purpose: "serveur HTTP (port 3000)" });
    try {
      // Same process, so simulate another live holder: our own pid is alive.
      writeFileSync(
        path.join(dir, "pglite.lock"),
        JSON.stringify({ pid: process.ppid, purpose: "serveur HTTP (port 3000)", since: "2026-01-01T00:00:00Z" }),
      );
      const second = openDatabase({ dataDir: dir, purpose: "commande « db:migrate »" });
      await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(second).rejects.toThrow(/serveur HTTP \(port 3000\).*\n.*Arrêtez ce processus[\s\S]*DATABASE_URL/);
    } finally {
      await first.close();
    }
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, purpose: "mort", since: "x" }));
    const handle = await openDatabase({ dataDir: dir, purpose: "test" });
    expect(JSON.parse(readFileSync(path.join(dir, "pglite.lock"), "utf8")).pid).toBe(process.pid);
    await handle.close();
    expect(existsSync(path.join(dir, "pglite.lock"))).toBe(false);
  });
});

describe("PGlite crash safety", () => {
  it("reopens intact after kill -9 in the middle of writes, keeping every committed row", async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "crash-writer.fixture.ts"), dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let lastCommitted = 0;
    await new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code) => reject(new Error(`writer exited early (${code})`)));
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        const lines = chunk.trim().split("\n");
        lastCommitted = Number(lines[lines.length - 1]);
        if (lastCommitted >= 400) {
          child.removeAllListeners("exit");
          child.kill("SIGKILL");
          child.on("exit", () => resolve());
        }
      });
    });
    const handle = await openDatabase({ dataDir: dir, purpose: "after crash" });
    try {
      const count = await sql<{ n: number }>`select count(*)::int as n from crash_probe`.execute(handle.db);
      expect(count.rows[0]?.n).toBeGreaterThanOrEqual(lastCommitted);
      expect((count.rows[0]?.n ?? 0) % 20).toBe(0); // transactions are all-or-nothing
      await sql`insert into crash_probe (payload) values ('after')`.execute(handle.db);
      const check = await sql<{ ok: boolean }>`select count(*) = count(distinct id) as ok from crash_probe`.execute(
        handle.db,
      );
      expect(check.rows[0]?.ok).toBe(true);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
