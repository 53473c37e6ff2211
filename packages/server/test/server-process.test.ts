import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db/connection.js";
import { repoRoot } from "../src/lib/paths.js";
import { ensurePgliteTemplate } from "./template.js";

// The real process (main.ts) on PGlite: start, serve, stop cleanly on SIGTERM.
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

let dataDir: string;
let port: number;
let child: ChildProcess;
let output = "";

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "tremplin-proc-"));
  // Start from the ready template so the process does not spend 20 s loading reference data.
  const template = inject("databaseTemplate");
  const file = template.engine === "pglite" ? template.file : await ensurePgliteTemplate();
  const seed = await openDatabase({ dataDir, purpose: "seed", loadDataDir: new Blob([readFileSync(file)]) });
  await seed.close();
  port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "packages/server/src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO_DATA: "false",
      SCHEDULER: "off",
      LOG_LEVEL: "info",
      NODE_ENV: "development",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start:\n${output}`);
}, 120_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

describe("server process", () => {
  it("serves health, API and security headers", async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", database: { engine: "pglite" } });
    const api = await fetch(`http://127.0.0.1:${port}/api/v1/referential/appellations?q=boulang`);
    expect(api.status).toBe(200);
    expect(api.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(api.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a CLI command on the same PGlite directory while it runs", async () => {
    const cli = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot, "packages/server/src/cli.ts"), "db:migrate"],
      {
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let text = "";
    cli.stdout.on("data", (d) => (text += String(d)));
    cli.stderr.on("data", (d) => (text += String(d)));
    const code = await new Promise<number | null>((resolve) => cli.on("exit", resolve));
    expect(code).toBe(1);
    expect(text).toContain("déjà ouverte par un autre processus : serveur HTTP");
    expect(text).toContain("DATABASE_URL");
  }, 60_000);

  it("finishes in-flight requests on SIGTERM, then closes the database cleanly", async () => {
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(
        `http://127.0.0.1:${port}/api/v1/referential/appellations?q=${["boulanger", "coiffeur", "vendeur", "plombier"][i % 4]}`,
      )
        .then((r) => r.status)
        .catch(() => "refused"),
    );
    await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    const statuses = await Promise.all(inFlight);
    // Each request either completed normally or was never accepted: none was cut halfway.
    for (const status of statuses) expect([200, "refused"]).toContain(status);
    expect(statuses).toContain(200);
    expect(await exited).toBe(0);
    expect(output).toContain("arrêt propre terminé");
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    const reopened = await openDatabase({ dataDir, purpose: "after stop" });
    const count = await sql<{ n: number }>`select count(*)::int as n from rome_appellations`.execute(reopened.db);
    expect(count.rows[0]?.n).toBe(13_120);
    await reopened.close();
  }, 60_000);
});
