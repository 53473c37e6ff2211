import { sql } from "kysely";
import { runJob } from "../packages/server/src/jobs/runner.js";
import { ManualClock } from "../packages/server/src/lib/clock.js";
import { createMailer } from "../packages/server/src/mail/create-mailer.js";
import { sendAlertsJob } from "../packages/server/src/modules/alerts/jobs.js";
import { testConfig } from "../packages/server/test/test-app.js";
import { openBenchDatabase } from "./_bench-db.js";
import { machineDescription } from "./_machine.js";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/**
 * Confirmed alerts placed like the population (communes weighted by inhabitants) on jobs weighted
 * by national hires, 1 or 2 jobs each, usual radii; 1 address in 8 has two alerts. Offers: `fresh`
 * published in the last day, and 50,000 older ones online (not new: must not be read).
 */
async function generate(db: Parameters<typeof sendAlertsJob.run>[0]["db"], alerts: number, fresh: number, now: Date) {
  await sql`
    create temporary table bench_communes as
    select insee_code, name, postal_codes[1] as postal_code, lat, lon,
           (sum(greatest(population, 1)) over (order by insee_code))::float8 as cum
    from communes where kind <> 'city_with_arrondissements'`.execute(db);
  await sql`create index on bench_communes (cum)`.execute(db);
  await sql`
    create temporary table bench_jobs as
    with w as (select rome_code as classic, sum(hirings) as hires from naf_rome_hirings group by rome_code)
    select w.classic, f.rome_code, f.label as rome_label, a.code_ogr, a.label,
           (sum(w.hires) over (order by w.classic))::float8 as cum
    from w
    join lateral (select rome_code, label from rome_fiches where parent_rome_code = w.classic order by rome_code limit 1) f on true
    join rome_appellations a on a.rome_code = f.rome_code and a.principal`.execute(db);
  await sql`create index on bench_jobs (cum)`.execute(db);

  const confirmedAt = new Date(now.getTime() - 30 * 86_400_000);
  await sql`
    insert into alerts (email, romes, appellation_code, job_label, place_label, lat, lon, radius_km, diploma_level, created_at, confirmed_at)
    select 'candidat' || (g % ${Math.round(alerts * 0.875)}) || '@bench.localhost',
           case when g % 3 = 0 then array[j.classic, j2.classic] else array[j.classic] end,
           j.code_ogr, j.label, c.name, c.lat, c.lon, (array[10, 30, 30, 30, 60, 100])[1 + g % 6],
           case when g % 10 = 0 then 4 else null end, ${confirmedAt}, ${confirmedAt}
    from generate_series(1, ${alerts}) g
    cross join lateral (select random() * (select max(cum) from bench_communes) + g * 0 as r) x
    cross join lateral (select * from bench_communes where cum >= x.r order by cum limit 1) c
    cross join lateral (select random() * (select max(cum) from bench_jobs) + g * 0 as r) y
    cross join lateral (select * from bench_jobs where cum >= y.r order by cum limit 1) j
    cross join lateral (select random() * (select max(cum) from bench_jobs) + g * 0 as r) y2
    cross join lateral (select * from bench_jobs where cum >= y2.r order by cum limit 1) j2`.execute(db);
  // What confirmation writes (repository.insertFiches), for all at once.
  await sql`
    insert into alert_fiches (alert_id, rome_code, lat, lon, radius_m, area)
    select a.id, f.rome_code, a.lat, a.lon, a.radius_km * 1000, earth_box(ll_to_earth(a.lat, a.lon), a.radius_km * 1000)
    from alerts a
    cross join lateral unnest(a.romes) as r(code)
    join rome_fiches f on f.parent_rome_code = r.code
    on conflict do nothing`.execute(db);

  const offers = (count: number, publishedFrom: Date, spanMs: number) => sql`
    insert into offers (siret, company_name, contact_first_name, contact_last_name, contact_email, appellation_code, appellation_label,
      rome_code, rome_label, rome_version, title, description, access, skills, start_asap, contract_types, duration_months, positions,
      disability_friendly, lat, lon, city, postal_code, insee_code, status, published_at, expires_at, created_at, updated_at)
    select '35600000000048', 'Entreprise du banc ' || g, 'Banc', 'Mesure', 'banc@bench.localhost', j.code_ogr, j.label, j.rome_code,
           j.rome_label, 'ROME 4.0 v4.60', j.label, 'Offre générée pour le banc.', '', '[]', true, '{apprentissage}', 24, 1, false,
           c.lat + (random() - 0.5) * 0.02, c.lon + (random() - 0.5) * 0.03, c.name, c.postal_code, c.insee_code, 'active',
           ${publishedFrom}::timestamptz + random() * ${spanMs} * interval '1 millisecond',
           ${now}::timestamptz + interval '30 days', ${publishedFrom}, ${publishedFrom}
    from generate_series(1, ${count}) g
    cross join lateral (select random() * (select max(cum) from bench_communes) + g * 0 as r) x
    cross join lateral (select * from bench_communes where cum >= x.r order by cum limit 1) c
    cross join lateral (select random() * (select max(cum) from bench_jobs) + g * 0 as r) y
    cross join lateral (select * from bench_jobs where cum >= y.r order by cum limit 1) j`;
  await offers(50_000, new Date(now.getTime() - 20 * 86_400_000), 10 * 86_400_000).execute(db);
  await offers(fresh, new Date(now.getTime() - 86_400_000), 86_400_000 - 1000).execute(db);
  // The previous run, yesterday at the same time: today's new offers are those published since.
  await sql`insert into alert_runs (as_of, alerts_mailed, offers_mailed, finished_at)
            values (${new Date(now.getTime() - 86_400_000)}, 0, 0, ${now})`.execute(db);
  await sql`analyze`.execute(db);
}

/**
 * `npm run bench -- alerts [--alertes 200000] [--offres 5000]`: alerts:send for that many confirmed
 * alerts and new offers of the day, on its own database (PostgreSQL with DATABASE_URL, the default
 * local server otherwise; `--pglite` for PGlite). Prints the run's time, the process's peak memory and
 * what was queued.
 */
export default async function alertsBench(args: string[]): Promise<void> {
  const alerts = option(args, "alertes", 200_000);
  const fresh = option(args, "offres", 5_000);
  const url = args.includes("--pglite") ? undefined : (process.env.DATABASE_URL ?? DEFAULT_URL);
  console.log(
    `Benchmark alerts — ${alerts.toLocaleString("fr-FR")} alertes, ${fresh.toLocaleString("fr-FR")} offres nouvelles, ${url ? "PostgreSQL" : "PGlite"}`,
  );
  console.log(machineDescription());
  const handle = await openBenchDatabase("alerts", url, { poolSize: 4 });
  try {
    const now = new Date("2026-06-15T05:00:00.000Z");
    const t0 = performance.now();
    await generate(handle.db, alerts, fresh, now);
    console.log(`Données générées en ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const config = testConfig({ smtpUrl: undefined });
    const clock = new ManualClock(now.toISOString());
    const mailer = createMailer(config, handle, clock, { warn: () => {}, error: () => {} });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const log = (line: string) => console.log(`  [${((performance.now() - start) / 1000).toFixed(1)} s] ${line}`);
    const outcome = await runJob(sendAlertsJob, { config, mailer, now, log }, handle, "cli");
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (outcome.status !== "succeeded") throw new Error(`alerts:send ${outcome.status}: ${outcome.error}`);
    const outbox = await sql<{ n: number; bytes: number }>`
      select count(*)::int as n, coalesce(sum(length(html) + length(text_body)), 0)::float8 as bytes
      from outbox_emails where template = 'alertNewOffers'`.execute(handle.db);
    const queued = outbox.rows[0];
    console.log(`alerts:send : ${seconds.toFixed(1)} s`);
    console.log(`  ${JSON.stringify(outcome.summary)}`);
    console.log(
      `  mémoire du processus : ${(rssBefore / 2 ** 20).toFixed(0)} Mio avant, pic ${(peakRss / 2 ** 20).toFixed(0)} Mio (RSS)`,
    );
    console.log(
      `  e-mails en file : ${queued?.n.toLocaleString("fr-FR")} (${((queued?.bytes ?? 0) / 2 ** 20).toFixed(0)} Mio de HTML et texte)`,
    );
    await mailer.sender.stop();
  } finally {
    await handle.close();
  }
}
