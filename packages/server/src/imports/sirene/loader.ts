import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { EstablishmentRecord } from "./establishment-mapper.js";
import type { LegalUnitRecord } from "./legal-unit-mapper.js";

type Db = Kysely<Database>;

/**
 * Upserts a batch of establishments in one statement. Columns travel as one array parameter each
 * (unnest), so a batch of any size costs 14 parameters and one round trip — multi-row VALUES would
 * hit PostgreSQL's 65 535-parameter limit at ~4 600 rows. The name comes from legal_units; a
 * missing position falls back to the commune centre; the commune's own name wins over Sirene's
 * upper-case label.
 */
export async function upsertEstablishments(db: Db, rows: readonly EstablishmentRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof EstablishmentRecord>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into establishments as e (
      siret, siren, name, brand, naf_code, headcount_band, street, postal_code, city, insee_code,
      lat, lon, geo_precision, admin_state, diffusion, created_on, updated_at
    )
    select u.siret, u.siren, lu.name, u.brand, u.naf_code, u.headcount_band, u.street, u.postal_code,
           coalesce(c.name, u.city), u.insee_code,
           coalesce(u.lat, c.lat), coalesce(u.lon, c.lon),
           case when u.lat is not null then 'address' when c.lat is not null then 'commune' end,
           u.admin_state, u.diffusion, u.created_on::date, now()
    from unnest(
      ${col("siret")}::text[], ${col("siren")}::text[], ${col("brand")}::text[], ${col("nafCode")}::text[],
      ${col("headcountBand")}::text[], ${col("street")}::text[], ${col("postalCode")}::text[], ${col("city")}::text[],
      ${col("inseeCode")}::text[], ${col("lat")}::float8[], ${col("lon")}::float8[], ${col("adminState")}::text[],
      ${col("diffusion")}::text[], ${col("createdOn")}::text[]
    ) as u (siret, siren, brand, naf_code, headcount_band, street, postal_code, city, insee_code, lat, lon,
            admin_state, diffusion, created_on)
    left join legal_units lu on lu.siren = u.siren
    left join communes c on c.insee_code = u.insee_code
    on conflict (siret) do update set
      siren = excluded.siren, name = excluded.name, brand = excluded.brand, naf_code = excluded.naf_code,
      headcount_band = excluded.headcount_band, street = excluded.street, postal_code = excluded.postal_code,
      city = excluded.city, insee_code = excluded.insee_code, lat = excluded.lat, lon = excluded.lon,
      geo_precision = excluded.geo_precision, admin_state = excluded.admin_state, diffusion = excluded.diffusion,
      created_on = excluded.created_on, updated_at = excluded.updated_at
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
