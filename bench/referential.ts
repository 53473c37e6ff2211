import { readFileSync } from "node:fs";
import os from "node:os";
import { mulberry32, normalizeSearchText } from "@tremplin/core";
import { sql } from "kysely";
import { openDatabase } from "../packages/server/src/db/connection.js";
import { systemClock } from "../packages/server/src/lib/clock.js";
import { ReferenceSearchIndexes } from "../packages/server/src/modules/referential/search-indexes.js";
import { searchAppellations } from "../packages/server/src/modules/referential/service.js";
import { ensurePgliteTemplate, ensurePostgresTemplate, withDatabaseName } from "../packages/server/test/template.js";
import { createTestApp } from "../packages/server/test/test-app.js";
import { machineDescription, percentile } from "./_machine.js";

/** What people type: word prefixes, whole words without accents, two words, a typo now and then. */
export function realisticQueries(labels: string[], count: number, seed = 42): string[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const queries: string[] = [];
  while (queries.length < count) {
    const words = normalizeSearchText(pick(labels).split("/")[0] ?? "")
      .split(" ")
      .filter((w) => w.length >= 3);
    if (words.length === 0) continue;
    const kind = random();
    let q: string;
    if (kind < 0.45) q = (words[0] ?? "").slice(0, 3 + Math.floor(random() * 6));
    else if (kind < 0.7) q = words.slice(0, 2).join(" ");
    else if (kind < 0.85) {
      const w = words[0] ?? "";
      const at = 1 + Math.floor(random() * Math.max(1, w.length - 2));
      q = w.slice(0, at) + w.slice(at + 1); // one letter dropped
    } else q = words.join(" ");
    if (q.length >= 2) queries.push(q);
  }
  return queries;
}

export default async function bench(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1000);
  const url = process.env.DATABASE_URL;
  const engine = url ? "PostgreSQL" : "PGlite";
  console.log(`Benchmark referential — ${n} requêtes d'autocomplétion métier sur ${engine}`);
  const handle = url
    ? await openDatabase({ databaseUrl: withDatabaseName(url, await ensurePostgresTemplate(url)), purpose: "bench" })
    : await openDatabase({ purpose: "bench", loadDataDir: new Blob([readFileSync(await ensurePgliteTemplate())]) });
  const labels = (await sql<{ label: string }>`select label from rome_appellations`.execute(handle.db)).rows.map(
    (r) => r.label,
  );
  const queries = realisticQueries(labels, n);

  const indexes = new ReferenceSearchIndexes(handle.db, systemClock);
  // Warm-up: first queries pay for plan caching and page loading.
  for (const q of queries.slice(0, 50)) await searchAppellations(indexes, q, 10);

  // Wall time, and CPU time of this process: on a shared machine the wall time also counts the
  // waits for a core, the CPU time is the work itself.
  const load = () => os.loadavg()[0]?.toFixed(1) ?? "?";
  const load0 = load();
  const serviceTimes: number[] = [];
  const serviceCpu: number[] = [];
  const slowest: Array<{ q: string; ms: number }> = [];
  for (const q of queries) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    await searchAppellations(indexes, q, 10);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    serviceTimes.push(ms);
    serviceCpu.push((used.user + used.system) / 1000);
    slowest.push({ q, ms });
  }

  const t = await createTestApp({ db: handle, config: { rateLimitPerMinute: 1_000_000 } });
  const { app } = t;
  const httpTimes: number[] = [];
  const httpCpu: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/referential/appellations?q=${encodeURIComponent(q)}`,
    });
    httpTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    httpCpu.push((used.user + used.system) / 1000);
    if (response.statusCode !== 200) throw new Error(`${q}: ${response.statusCode}`);
  }
  // Everything the test app opened (SMTP receiver, mail sender), or the process would never exit.
  await app.close();
  await t.mailer.sender.stop();
  await t.smtp.stop();
  await handle.close();

  const line = (name: string, times: number[]) =>
    `${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms   max ${Math.max(...times).toFixed(2)} ms`;
  console.log(line("service (index + classement)", serviceTimes));
  console.log(line("  temps CPU du processus", serviceCpu));
  console.log(line("HTTP (app.inject)", httpTimes));
  console.log(line("  temps CPU du processus", httpCpu));
  const worst = slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(
    `Requêtes les plus lentes (service) : ${worst.map((w) => `« ${w.q} » ${w.ms.toFixed(1)} ms`).join(", ")}`,
  );
  console.log(`Machine : ${machineDescription()} ; charge moyenne (1 min) au début ${load0}, à la fin ${load()}`);
  console.log(`Cible : p99 < 10 ms — ${percentile(httpTimes, 99) < 10 ? "atteinte" : "NON atteinte"}`);
}
