import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../packages/server/src/db/connection.js";
import { migrateToLatest } from "../packages/server/src/db/migrate.js";
import { isReferenceDataMissing, loadReferenceData } from "../packages/server/src/imports/reference/load-reference.js";
import { nearestCandidatesSql } from "../packages/server/src/modules/algo-companies/search-repository.js";
import { createApiKey } from "../packages/server/src/modules/diffusion/api-keys.js";
import { nearestOffersOfRome, offersNearestFirstSql } from "../packages/server/src/modules/search/repository.js";
import { databaseNameOf, withDatabaseName } from "../packages/server/test/template.js";
import { machineDescription, percentile } from "./_machine.js";
import { ensureSearchData, searchMix } from "./_search-data.js";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tremplin_bench_search";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

async function ensureDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  const name = databaseNameOf(url);
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!exists.rowCount) await admin.query(`create database "${name}"`);
  await admin.end();
}

/** N workers run the bare SQL of the same searches for SECONDS: throughput and latency. */
async function bareSql(
  db: Parameters<typeof nearestOffersOfRome>[0],
  mix: Awaited<ReturnType<typeof searchMix>>,
  workers: number,
) {
  const times: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < deadline) {
        const q = mix[next++ % mix.length] as (typeof mix)[number];
        const t = performance.now();
        const fiches = await sql<{
          rome_code: string;
        }>`select rome_code from rome_fiches where rome_code = ${q.rome} or parent_rome_code = ${q.rome}`.execute(db);
        await Promise.all([
          ...fiches.rows.map((f) =>
            nearestOffersOfRome(db, {
              romeCode: f.rome_code,
              lat: q.lat,
              lon: q.lon,
              radiusM: q.radius * 1000,
              diplomaLevel: undefined,
              after: null,
              limit: 21,
            }),
          ),
          nearestCandidatesSql({
            romes: [q.rome.slice(0, 5)],
            lat: q.lat,
            lon: q.lon,
            radiusM: q.radius * 1000,
            perJob: 500,
          }).execute(db),
        ]);
        times.push(performance.now() - t);
      }
    }),
  );
  return { rps: times.length / SECONDS, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function http(url: string, key: string, mix: Awaited<ReturnType<typeof searchMix>>, connections: number) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    headers: { authorization: `Bearer ${key}` },
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const q = mix[i++ % mix.length] as (typeof mix)[number];
          return {
            ...req,
            path: `/api/v1/jobs/search?romes=${q.rome}&latitude=${q.lat}&longitude=${q.lon}&radius=${q.radius}`,
          };
        },
      },
    ],
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} réponses non 2xx`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export default async function bench(): Promise<void> {
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  console.log(
    `Benchmark search — recherche d'offres et d'entreprises à l'échelle nationale (PostgreSQL ${databaseNameOf(url)})`,
  );
  await ensureDatabase(url);
  const handle = await openDatabase({ databaseUrl: url, purpose: "bench search", poolSize: 10 });
  await migrateToLatest(handle.db);
  if (await isReferenceDataMissing(handle.db)) await loadReferenceData(handle.db, console.log);
  await ensureSearchData(handle.db, console.log);
  const mix = await searchMix(handle.db, 1000);

  const server = await startServer(url);
  const base = server.base;

  // A partner's key: anonymous search is limited to 60 requests a minute per address, a key has its own rate.
  const { key } = await createApiKey(handle.db, {
    name: `bench-${Date.now()}`,
    scopes: ["offers:read"],
    ratePerMinute: 100_000_000,
  });
  await http(base, key, mix, 2); // warm-up: caches, plans
  const rows: string[] = [];
  for (const c of [1, 4]) {
    const api = await http(base, key, mix, c);
    const raw = await bareSql(handle.db, mix, c);
    rows.push(
      `| ${c} | ${api.rps.toFixed(0)} | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} | ${raw.rps.toFixed(0)} | ${raw.p50.toFixed(1)} | ${raw.p99.toFixed(1)} | ${((100 * api.rps) / raw.rps).toFixed(0)} % | ${(api.p99 / raw.p99).toFixed(2)} |`,
    );
  }
  console.log(
    "\n| clients | API req/s | API p50 ms | API p99 ms | SQL req/s | SQL p50 ms | SQL p99 ms | débit API / SQL | p99 API / SQL |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(r);
  console.log("Cibles : débit API ≥ 80 % du SQL, p99 API ≤ 1,5 × p99 SQL, à même concurrence.");

  // Plans of one dense search (Paris, the busiest job) for bench/README.md.
  const busiest = await sql<{
    rome_code: string;
    classic: string;
  }>`select rome_code, classic from bench_jobs order by cum - coalesce(lag(cum) over (order by cum), 0) desc limit 1`.execute(
    handle.db,
  );
  const job = busiest.rows[0] as { rome_code: string; classic: string };
  const paris = { lat: 48.8566, lon: 2.3522 };
  const explain = async (label: string, query: ReturnType<typeof sql>) => {
    const plan = await sql<{ "QUERY PLAN": string }>`explain (analyze, buffers, costs off) ${query}`.execute(handle.db);
    console.log(`\nPlan — ${label}:\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  await explain(
    `offres ${job.rome_code} à Paris, 30 km`,
    offersNearestFirstSql(
      {
        romeCode: job.rome_code,
        lat: paris.lat,
        lon: paris.lon,
        radiusM: 30000,
        diplomaLevel: undefined,
        after: null,
        limit: 21,
      },
      21 + 16,
    ),
  );
  await explain(
    `entreprises ${job.classic} à Paris, 30 km`,
    nearestCandidatesSql({ romes: [job.classic], lat: paris.lat, lon: paris.lon, radiusM: 30000, perJob: 500 }),
  );
  console.log(
    `\nMachine : ${machineDescription()} ; PostgreSQL ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db)).rows[0]?.v}`,
  );
  server.stop();
  await handle.close();
}

/** The API in a child process (bench/_search-server.ts), so that autocannon does not slow it down. */
async function startServer(url: string): Promise<{ base: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./_search-server.ts", import.meta.url))],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serveur du banc arrêté (code ${code})`)));
  });
  return { base, stop: () => child.kill("SIGTERM") };
}
