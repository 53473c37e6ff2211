import os from "node:os";
import { mulberry32 } from "@tremplin/core";
import { sql } from "kysely";
import { importCatalogue } from "../packages/server/src/imports/catalogue/import-catalogue.js";
import { matchCfas } from "../packages/server/src/modules/cfa-matching/matching-service.js";
import { signedIn } from "../packages/server/test/fixtures.js";
import { createTestApp } from "../packages/server/test/test-app.js";
import { openBenchDatabase } from "./_bench-db.js";
import { catalogueFile, communePicker, loadCommunes } from "./_cfa-catalogue.js";
import { machineDescription, percentile } from "./_machine.js";

const OFFERS = 200;

const option = (args: string[], name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

/**
 * `npm run bench -- cfa [--formations 50000] [--requetes 1000] [--graine 1]`: imports a generated
 * catalogue of that many trainings, then times the CFA suggestions of offers at population-weighted
 * places for ROME fiches that trainings lead to (service, then the HTTP route of an owner).
 */
export default async function bench(args: string[]): Promise<void> {
  const trainings = option(args, "--formations", 50_000);
  const queries = option(args, "--requetes", 1_000);
  const seed = option(args, "--graine", 1);
  const url = process.env.DATABASE_URL;
  // The machine may be shared: its load is printed with the figures.
  const load = () => os.loadavg()[0]?.toFixed(1) ?? "?";
  const load0 = load();
  console.log(
    `Benchmark cfa — ${trainings.toLocaleString("fr-FR")} formations, ${queries} requêtes, ${url ? "PostgreSQL" : "PGlite"}`,
  );
  const handle = await openBenchDatabase("cfa", url, { inMemory: true, poolSize: 4 });
  const db = handle.db;
  try {
    const file = await catalogueFile(db, trainings, seed);
    const started = performance.now();
    const imported = await importCatalogue(db, { file }, () => {});
    const importSeconds = (performance.now() - started) / 1000;
    const keys = await sql<{ n: number }>`select count(*)::int as n from training_rome_keys`.execute(db);
    console.log(
      `Import : ${imported.loaded.toLocaleString("fr-FR")} formations, ${imported.organisations.toLocaleString("fr-FR")} organismes, ${keys.rows[0]?.n.toLocaleString("fr-FR")} clés en ${importSeconds.toFixed(1)} s (${Math.round(imported.loaded / importSeconds).toLocaleString("fr-FR")} formations/s)`,
    );
    await sql`analyze`.execute(db);

    // Offers for jobs the catalogue trains for (a fiche whose classic parent is a training code).
    const fiches = await sql<{ rome_code: string; code_ogr: string }>`
      select f.rome_code, min(a.code_ogr) as code_ogr from rome_fiches f
      join rome_appellations a on a.rome_code = f.rome_code and a.principal
      where f.parent_rome_code in (select distinct unnest(rome_codes) from trainings)
      group by f.rome_code order by f.rome_code`.execute(db);
    const random = mulberry32(seed + 1);
    const pick = communePicker(await loadCommunes(db), random);
    const contexts = Array.from({ length: queries }, () => {
      const place = pick();
      const fiche = fiches.rows[Math.floor(random() * fiches.rows.length)] as { rome_code: string; code_ogr: string };
      return { romeCode: fiche.rome_code, codeOgr: fiche.code_ogr, lat: place.lat, lon: place.lon };
    });

    for (const c of contexts.slice(0, 50)) await matchCfas(db, c, 100);
    const serviceTimes: number[] = [];
    // CPU time of this process per request: on a shared machine, wall time also counts the waits for
    // a core; with PGlite (in process) the CPU time is the work itself.
    const serviceCpu: number[] = [];
    let found = 0;
    let suggested = 0;
    for (const c of contexts) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const m = await matchCfas(db, c, 100);
      serviceTimes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      serviceCpu.push((used.user + used.system) / 1000);
      if (m.matches.length > 0) found++;
      suggested += m.matches.length;
    }

    const t = await createTestApp({ db: handle, config: { rateLimitPerMinute: 1_000_000 } });
    const owner = await signedIn(t, "recruiter");
    const now = new Date();
    const offerIds: string[] = [];
    for (const c of contexts.slice(0, OFFERS)) {
      const row = await db
        .insertInto("offers")
        .values({
          owner_user_id: owner.user.id,
          siret: "35600000000048",
          company_name: "Entreprise Bench",
          contact_first_name: "Camille",
          contact_last_name: "Bench",
          contact_email: owner.user.email,
          appellation_code: c.codeOgr,
          appellation_label: "Bench",
          rome_code: c.romeCode,
          rome_label: "Bench",
          rome_version: "4.0",
          title: "Offre bench",
          description: "Offre générée pour le benchmark de la mise en relation.",
          access: "",
          skills: "[]",
          start_asap: true,
          contract_types: ["apprentissage"],
          duration_months: 24,
          positions: 1,
          disability_friendly: false,
          lat: c.lat,
          lon: c.lon,
          status: "active",
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      offerIds.push(row.id);
    }
    const httpTimes: number[] = [];
    const httpCpu: number[] = [];
    for (let i = 0; i < contexts.length + 50; i++) {
      const id = offerIds[i % offerIds.length] as string;
      const start = performance.now();
      const cpu = process.cpuUsage();
      const response = await t.app.inject({
        method: "GET",
        url: `/api/v1/offers/${id}/cfa-suggestions`,
        headers: owner.headers,
      });
      if (i >= 50) {
        httpTimes.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        httpCpu.push((used.user + used.system) / 1000);
      }
      if (response.statusCode !== 200) throw new Error(`${id}: ${response.statusCode} ${response.body}`);
    }
    await t.app.close();
    await t.mailer.sender.stop();
    await t.smtp.stop();

    const line = (name: string, times: number[]) =>
      `${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms   max ${Math.max(...times).toFixed(2)} ms`;
    console.log(
      `Offres avec au moins un CFA : ${((100 * found) / queries).toFixed(0)} % ; ${(suggested / queries).toFixed(1)} CFA proposés en moyenne`,
    );
    console.log(line("service (matchCfas)", serviceTimes));
    console.log(line("  temps CPU du processus", serviceCpu));
    console.log(line("HTTP GET …/cfa-suggestions", httpTimes));
    console.log(line("  temps CPU du processus", httpCpu));
    console.log(`Machine : ${machineDescription()} ; charge moyenne (1 min) au début ${load0}, à la fin ${load()}`);
    console.log(`Cible : p99 < 30 ms — ${percentile(httpTimes, 99) < 30 ? "atteinte" : "NON atteinte"}`);
  } finally {
    await handle.close();
  }
}
