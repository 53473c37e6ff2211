import { type Kysely, sql } from "kysely";

/**
 * The company directory: legal units (SIREN) and establishments (SIRET) from Sirene, and the
 * collective agreement (IDCC) each establishment declares. Sized for the national stock
 * (~11 M active establishments, more with closed ones): narrow rows, text codes, no foreign keys
 * to reference tables (Sirene keeps codes of older nomenclatures that the NAF table does not have).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table legal_units (
      siren text primary key,
      -- Denomination, or "first name last name" for a sole trader; null when masked ([ND]).
      name text,
      legal_category text,
      updated_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table establishments (
      siret text primary key,
      siren text not null,
      name text,
      brand text,
      naf_code text,
      headcount_band text,
      street text,
      postal_code text,
      city text,
      insee_code text,
      lat double precision,
      lon double precision,
      -- 'address': Sirene's own position; 'commune': the commune centre, when Sirene has none.
      geo_precision text check (geo_precision in ('address', 'commune')),
      admin_state text not null check (admin_state in ('A', 'F')),
      diffusion text not null check (diffusion in ('O', 'P', 'N')),
      created_on date,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index establishments_siren_idx on establishments (siren)`.execute(db);
  await sql`create index establishments_naf_idx on establishments (naf_code)`.execute(db);
  // Radius searches only ever look for active establishments: closed ones (a large share of the
  // Sirene stock, which keeps them since 1973) stay out of the costliest index to maintain.
  await sql`create index establishments_geo_idx on establishments using gist (ll_to_earth(lat, lon)) where admin_state = 'A'`.execute(
    db,
  );

  // Kept apart from establishments so that the two imports can run in any order: the IDCC file
  // names SIRETs that the directory may not hold yet.
  await sql`
    create table establishment_idccs (
      siret text primary key,
      idcc integer not null,
      -- Month of the declaration (YYYY-MM) and date of the update (YYYY-MM-DD): the latest wins.
      month text not null,
      updated_on text not null default ''
    )
  `.execute(db);
  await sql`create index establishment_idccs_idcc_idx on establishment_idccs (idcc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["establishment_idccs", "establishments", "legal_units"]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
