import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { repoRoot } from "../packages/server/src/lib/paths.js";
import { createTestApp } from "../packages/server/test/test-app.js";
import { openBenchDatabase } from "./_bench-db.js";
import { machineDescription, percentile } from "./_machine.js";

/**
 * `npm run bench -- page-weight [--runs 5] [--path /]`: serves the built web app (packages/web/dist,
 * build it first with `npm run build:web`) from the real server on a test database, opens the page in
 * headless Chromium with an empty cache each run, and records what a first visit costs: bytes over
 * the wire (compressed, headers included, as Chromium counts them), bytes once decoded, and the time
 * until the page is usable (its main heading shown) and until the load event. Goal of issue 14:
 * ≤ 500 KB transferred, usable in < 1 s on localhost.
 */
export default async function pageWeight(args: string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const runs = Number(option("runs", "5"));
  const pagePath = option("path", "/");
  const dist = path.join(repoRoot, "packages", "web", "dist");
  if (!existsSync(path.join(dist, "index.html")))
    throw new Error("Construisez d'abord l'interface : npm run build:web");

  const handle = await openBenchDatabase("page-weight", process.env.DATABASE_URL, { inMemory: true });
  const t = await createTestApp({
    db: handle,
    webDistDir: dist,
    config: { rateLimitPerMinute: 1_000_000, logLevel: "silent" },
  });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const samples: Array<{ wire: number; decoded: number; files: number; usableMs: number; loadMs: number }> = [];
  let biggest: Array<{ path: string; wire: number }> = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext({ locale: "fr-FR" });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const files = new Map<string, { url: string; wire: number; decoded: number }>();
      cdp.on("Network.responseReceived", (e) => files.set(e.requestId, { url: e.response.url, wire: 0, decoded: 0 }));
      cdp.on("Network.dataReceived", (e) => {
        const f = files.get(e.requestId);
        if (f) f.decoded += e.dataLength;
      });
      cdp.on("Network.loadingFinished", (e) => {
        const f = files.get(e.requestId);
        if (f) f.wire = e.encodedDataLength;
      });
      const started = performance.now();
      await page.goto(`${address}${pagePath}`, { waitUntil: "commit" });
      await page.locator("main h1").first().waitFor();
      const usableMs = performance.now() - started;
      await page.waitForLoadState("load");
      const loadMs = performance.now() - started;
      await page.waitForLoadState("networkidle");
      const list = [...files.values()].filter((f) => !f.url.startsWith("data:"));
      // The first run warms the server (indexes, file list): not counted.
      if (run > 0) {
        samples.push({
          wire: list.reduce((s, f) => s + f.wire, 0),
          decoded: list.reduce((s, f) => s + f.decoded, 0),
          files: list.length,
          usableMs,
          loadMs,
        });
        biggest = list
          .map((f) => ({ path: new URL(f.url).pathname, wire: f.wire }))
          .sort((a, b) => b.wire - a.wire)
          .slice(0, 8);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close(); // closes the database too
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const last = samples[samples.length - 1];
  console.log(`Premier chargement de ${pagePath} (${runs} mesures, cache vide, localhost)`);
  console.log(`  transféré : ${kb(last?.wire ?? 0)} (décodé ${kb(last?.decoded ?? 0)}, ${last?.files ?? 0} fichiers)`);
  const usable = samples.map((s) => s.usableMs);
  const load = samples.map((s) => s.loadMs);
  console.log(
    `  utilisable (titre affiché) : médiane ${percentile(usable, 50).toFixed(0)} ms, max ${Math.max(...usable).toFixed(0)} ms`,
  );
  console.log(
    `  événement load : médiane ${percentile(load, 50).toFixed(0)} ms, max ${Math.max(...load).toFixed(0)} ms`,
  );
  console.log("  plus gros fichiers (transférés) :");
  for (const f of biggest) console.log(`    ${kb(f.wire).padStart(7)}  ${f.path}`);
  console.log(`Machine : ${machineDescription()}`);
}
