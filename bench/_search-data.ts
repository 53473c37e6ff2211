import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../packages/server/src/db/database.js";

/** National-scale volumes of the search benchmark (issue 6). */
export const VOLUMES = { establishments: 1_500_000, offers: 300_000, companies: 300_000, jobsPerCompany: 3 };

async function count(db: Kysely<Database>, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Generates (once; reused while the counts match) establishments spread like the population,
 * offers and exposed companies whose jobs follow the national hiring volumes (NAF↔ROME figures).
 * All in SQL, so 1.5 M rows take a minute or two rather than an hour of round trips.
 */
export async function ensureSearchData(db: Kysely<Database>, log: (line: string) => void): Promise<void> {
  if ((await count(db, "establishments")) >= VOLUMES.establishments && (await count(db, "offers")) >= VOLUMES.offers) {
    log("Données du banc déjà présentes : réutilisées.");
    await copyCards(db, log);
    return;
  }
  const t0 = Date.now();
  log("Génération des données du banc (une seule fois)…");
  await sql`truncate offers, algo_exposed, establishment_idccs cascade`.execute(db);
  await sql`delete from establishments`.execute(db);
  await sql`drop table if exists bench_communes, bench_jobs`.execute(db);
  // Communes with their cumulative population, as float8 like random(): a bigint column compared with
  // a double is cast row by row and its index is no longer used (a seq scan per generated row).
  // Communes with their cumulative population (arrondissements instead of their city, to avoid double counting).
  await sql`
    create table bench_communes as
    select insee_code, name, postal_codes[1] as postal_code, lat, lon,
           (sum(greatest(population, 1)) over (order by insee_code))::float8 as cum
    from communes where kind <> 'city_with_arrondissements'`.execute(db);
  await sql`create index on bench_communes (cum)`.execute(db);
  // Jobs weighted by national hires: classic ROME → its first ROME 4 fiche and principal job title.
  await sql`
    create table bench_jobs as
    with w as (select rome_code as classic, sum(hirings) as hires from naf_rome_hirings group by rome_code)
    select w.classic, f.rome_code, f.label as rome_label, a.code_ogr, a.label,
           (sum(w.hires) over (order by w.classic))::float8 as cum
    from w
    join lateral (select rome_code, label from rome_fiches where parent_rome_code = w.classic order by rome_code limit 1) f on true
    join rome_appellations a on a.rome_code = f.rome_code and a.principal`.execute(db);
  await sql`create index on bench_jobs (cum)`.execute(db);

  await sql`
    insert into establishments (siret, siren, name, brand, naf_code, headcount_band, postal_code, city, insee_code, lat, lon, geo_precision, admin_state, diffusion)
    select lpad((10000000000000 + g)::text, 14, '0'), lpad((100000000 + g)::text, 9, '0'),
           'BANC ' || g, null, '1071C', '11', c.postal_code, c.name, c.insee_code,
           c.lat + (random() - 0.5) * 0.02, c.lon + (random() - 0.5) * 0.03, 'commune', 'A', 'O'
    from generate_series(1, ${VOLUMES.establishments}) g
    cross join lateral (select random() * (select max(cum) from bench_communes) + g * 0 as r) x
    cross join lateral (select * from bench_communes where cum >= x.r order by cum limit 1) c`.execute(db);
  log(`  ${VOLUMES.establishments.toLocaleString("fr-FR")} établissements (${Math.round((Date.now() - t0) / 1000)} s)`);

  await sql`
    insert into offers (siret, company_name, contact_first_name, contact_last_name, contact_email, appellation_code, appellation_label,
      rome_code, rome_label, rome_version, title, description, access, skills, start_asap, contract_types, duration_months, positions,
      disability_friendly, lat, lon, city, postal_code, insee_code, status, published_at, expires_at, created_at, updated_at)
    select e.siret, e.name, 'Banc', 'Mesure', 'banc@bench.localhost', j.code_ogr, j.label, j.rome_code, j.rome_label, 'ROME 4.0 v4.60',
           j.label, 'Offre générée pour le banc de mesure.', '', '[]', true, '{apprentissage}', 24, 1, false,
           e.lat, e.lon, e.city, e.postal_code, e.insee_code, 'active', now(), now() + interval '30 days', now(), now()
    from generate_series(1, ${VOLUMES.offers}) g
    join establishments e on e.siret = lpad((10000000000000 + (g * 5))::text, 14, '0')
    cross join lateral (select random() * (select max(cum) from bench_jobs) + g * 0 as r) x
    cross join lateral (select * from bench_jobs where cum >= x.r order by cum limit 1) j`.execute(db);
  log(`  ${VOLUMES.offers.toLocaleString("fr-FR")} offres (${Math.round((Date.now() - t0) / 1000)} s)`);

  const run = await sql<{ id: number }>`
    insert into algo_runs (kind, status, trigger, as_of, started_at, finished_at)
    values ('score', 'succeeded', 'bench', current_date, now(), now()) returning id`.execute(db);
  const runId = run.rows[0]?.id as number;
  await sql`
    insert into algo_exposed (run_id, siret, rome_code, rome_label, score, company_score, explanation, source, lat, lon)
    select distinct on (e.siret, j.classic) ${runId}, e.siret, j.classic, j.rome_label, 30 + random() * 70, 50,
           'A recruté des alternants ces dernières années.', 'algorithm', e.lat, e.lon
    from generate_series(1, ${VOLUMES.companies}) g
    join establishments e on e.siret = lpad((10000000000000 + (g * 5 - 2))::text, 14, '0')
    cross join generate_series(1, ${VOLUMES.jobsPerCompany}) k
    cross join lateral (select random() * (select max(cum) from bench_jobs) + g * 0 + k * 0 as r) x
    cross join lateral (select * from bench_jobs where cum >= x.r order by cum limit 1) j`.execute(db);
  await copyCards(db, log);
  await sql`update algo_publication set active_run_id = ${runId}, changed_at = now(), changed_by = 'bench'`.execute(db);
  log(
    `  entreprises exposées : ${(await count(db, "algo_exposed")).toLocaleString("fr-FR")} couples entreprise × métier (${Math.round((Date.now() - t0) / 1000)} s)`,
  );
  await sql`vacuum analyze`.execute(db);
  log(`Données prêtes en ${Math.round((Date.now() - t0) / 1000)} s.`);
}

/** What candidates search: places weighted by population, jobs by hiring volume, usual radii. */
export async function searchMix(
  db: Kysely<Database>,
  n: number,
): Promise<Array<{ rome: string; lat: number; lon: number; radius: number }>> {
  const rows = await sql<{ rome: string; lat: number; lon: number; radius: number }>`
    select j.rome_code as rome, c.lat, c.lon, (array[10, 30, 30, 30, 60, 100])[1 + floor(random() * 6)::int] as radius
    from generate_series(1, ${n}) g
    cross join lateral (select random() * (select max(cum) from bench_communes) + g * 0 as r1, random() * (select max(cum) from bench_jobs) + g * 0 as r2) x
    cross join lateral (select * from bench_communes where cum >= x.r1 order by cum limit 1) c
    cross join lateral (select * from bench_jobs where cum >= x.r2 order by cum limit 1) j`.execute(db);
  return rows.rows;
}

/** The result cards on the exposed rows, as a run writes them (data generated before migration 0011 lacks them). */
async function copyCards(db: Kysely<Database>, log: (line: string) => void): Promise<void> {
  const missing = await sql<{
    n: number;
  }>`select count(*)::int as n from algo_exposed where company_name is null`.execute(db);
  if (!missing.rows[0]?.n) return;
  await sql`
    update algo_exposed x
    set company_name = coalesce(e.brand, e.name), naf_code = e.naf_code, naf_label = n.label, city = e.city,
        postal_code = e.postal_code
    from establishments e left join naf_codes n on n.code = e.naf_code
    where e.siret = x.siret and x.company_name is null`.execute(db);
  await sql`vacuum analyze algo_exposed`.execute(db);
  log(`  cartes des entreprises exposées copiées sur ${missing.rows[0].n.toLocaleString("fr-FR")} lignes`);
}
