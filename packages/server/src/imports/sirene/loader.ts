import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { EstablishmentRecord } from "../../modules/companies/sirene/establishment-mapper.js";
import type { LegalUnitRecord } from "../../modules/companies/sirene/legal-unit-mapper.js";

type Db = Kysely<Database>;

/** An establishment ready to write: its position settled (Sirene's own, or the commune centre). */
export interface LoadableEstablishment extends EstablishmentRecord {
  geoPrecision: "address" | "commune" | null;
}

/** Settles position and city name from the commune when Sirene gives none (or an upper-case label). */
export function withCommune(record: EstablishmentRecord, communes: CommuneIndex): LoadableEstablishment {
  const commune = record.inseeCode ? communes.get(record.inseeCode) : undefined;
  const city = commune?.name ?? record.city;
  if (record.lat !== null && record.lon !== null) return { ...record, city, geoPrecision: "address" };
  if (commune) return { ...record, city, lat: commune.lat, lon: commune.lon, geoPrecision: "commune" };
  return { ...record, city, geoPrecision: null };
}

/** Commune centres and names, held in memory during an import (~35 k entries). */
export type CommuneIndex = Map<string, { name: string; lat: number; lon: number }>;

export async function loadCommuneIndex(db: Db): Promise<CommuneIndex> {
  const rows = await db.selectFrom("communes").select(["insee_code", "name", "lat", "lon"]).execute();
  return new Map(rows.map((c) => [c.insee_code, { name: c.name, lat: c.lat, lon: c.lon }]));
}

/**
 * Upserts a batch of establishments in one statement. Columns travel as one array parameter each
 * (unnest), so a batch of any size costs 15 parameters and one round trip — multi-row VALUES would
 * hit PostgreSQL's 65 535-parameter limit at ~4 000 rows. The name is looked up in legal_units row
 * by row (an index probe each: a hash join would scan the 25 M legal units for every batch).
 */
export async function upsertEstablishments(db: Db, rows: readonly LoadableEstablishment[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof LoadableEstablishment>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into establishments as e (
      siret, siren, name, brand, naf_code, headcount_band, street, postal_code, city, insee_code,
      lat, lon, geo_precision, admin_state, diffusion, created_on, updated_at
    )
    select u.siret, u.siren, (select lu.name from legal_units lu where lu.siren = u.siren), u.brand, u.naf_code,
           u.headcount_band, u.street, u.postal_code, u.city, u.insee_code, u.lat, u.lon, u.geo_precision,
           u.admin_state, u.diffusion, u.created_on::date, now()
    from unnest(
      ${col("siret")}::text[], ${col("siren")}::text[], ${col("brand")}::text[], ${col("nafCode")}::text[],
      ${col("headcountBand")}::text[], ${col("street")}::text[], ${col("postalCode")}::text[], ${col("city")}::text[],
      ${col("inseeCode")}::text[], ${col("lat")}::float8[], ${col("lon")}::float8[], ${col("geoPrecision")}::text[],
      ${col("adminState")}::text[], ${col("diffusion")}::text[], ${col("createdOn")}::text[]
    ) as u (siret, siren, brand, naf_code, headcount_band, street, postal_code, city, insee_code, lat, lon,
            geo_precision, admin_state, diffusion, created_on)
    on conflict (siret) do update set
      siren = excluded.siren, name = excluded.name, brand = excluded.brand, naf_code = excluded.naf_code,
      headcount_band = excluded.headcount_band, street = excluded.street, postal_code = excluded.postal_code,
      city = excluded.city, insee_code = excluded.insee_code, lat = excluded.lat, lon = excluded.lon,
      geo_precision = excluded.geo_precision, admin_state = excluded.admin_state, diffusion = excluded.diffusion,
      created_on = excluded.created_on, updated_at = excluded.updated_at
    -- A monthly stock is mostly unchanged rows: skipping them spares a new row version and an entry
    -- in every index (the GiST's above all).
    where (e.siren, e.name, e.brand, e.naf_code, e.headcount_band, e.street, e.postal_code, e.city, e.insee_code,
           e.lat, e.lon, e.geo_precision, e.admin_state, e.diffusion, e.created_on)
      is distinct from
          (excluded.siren, excluded.name, excluded.brand, excluded.naf_code, excluded.headcount_band, excluded.street,
           excluded.postal_code, excluded.city, excluded.insee_code, excluded.lat, excluded.lon, excluded.geo_precision,
           excluded.admin_state, excluded.diffusion, excluded.created_on)
  `.execute(db);
}

/** Upserts a batch of legal units (same unnest technique). */
export async function upsertLegalUnits(db: Db, rows: readonly LegalUnitRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into legal_units (siren, name, legal_category, updated_at)
    select u.siren, u.name, u.legal_category, now()
    from unnest(${rows.map((r) => r.siren)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.legalCategory)}::text[]) as u (siren, name, legal_category)
    on conflict (siren) do update set
      name = excluded.name, legal_category = excluded.legal_category, updated_at = excluded.updated_at
  `.execute(db);
}

/** Gives establishments loaded before their legal units the names now known. */
export async function refreshEstablishmentNames(db: Db, sirens: readonly string[]): Promise<void> {
  if (sirens.length === 0) return;
  await sql`
    update establishments e set name = lu.name
    from legal_units lu
    where lu.siren = any(${sirens}::text[]) and e.siren = lu.siren and e.name is distinct from lu.name
  `.execute(db);
}

/**
 * Secondary indexes of establishments, as created by migrations 0002 and 0009 (a test checks they match).
 * A first load into an empty table may drop them and build them once at the end: a sorted B-tree
 * build is cheaper than 10 M insertions; the GiST is not (cube has no sorted build), and kept
 * during the load its cost overlaps with parsing on PostgreSQL.
 */
const secondaryIndexes = [
  sql`create index if not exists establishments_siren_idx on establishments (siren)`,
  sql`create index if not exists establishments_naf_idx on establishments (naf_code)`,
  sql`create index if not exists establishments_geo_idx on establishments using gist (ll_to_earth(lat, lon)) where admin_state = 'A' and naf_code in ('8532Z', '8541Z', '8542Z', '8559A', '8559B')`,
];

export async function isDirectoryEmpty(db: Db): Promise<boolean> {
  const row = await sql<{ any: boolean }>`select exists (select 1 from establishments) as any`.execute(db);
  return !row.rows[0]?.any;
}

export type DeferredIndexes = "btree" | "all" | "none";

export async function dropSecondaryIndexes(db: Db, which: DeferredIndexes = "all"): Promise<void> {
  if (which === "none") return;
  const names = ["establishments_siren_idx", "establishments_naf_idx"];
  if (which === "all") names.push("establishments_geo_idx");
  for (const name of names) await sql`drop index if exists ${sql.ref(name)}`.execute(db);
}

export async function createSecondaryIndexes(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    for (const statement of secondaryIndexes) await statement.execute(trx);
  });
}

/**
 * Runs one batch without waiting for its WAL flush at commit: an import is idempotent and simply
 * re-run after a crash, so durability per batch buys nothing (measured: a quarter faster on PGlite).
 */
export function withoutCommitWait(db: Db, load: (trx: Db) => Promise<void>): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    await load(trx);
  });
}
