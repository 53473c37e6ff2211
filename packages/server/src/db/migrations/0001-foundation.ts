import { type Kysely, sql } from "kysely";

/**
 * Extensions, text normalisation and the reference tables (ROME, communes, NAF, OPCO, diplomas).
 * Reference tables are replaced wholesale by `data:load-reference`; nothing else writes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const extension of ["cube", "earthdistance", "btree_gist", "pg_trgm", "unaccent"]) {
    await sql.raw(`create extension if not exists ${extension}`).execute(db);
  }

  // unaccent() is only STABLE (it reads a dictionary); pinning the dictionary makes it IMMUTABLE so that
  // it can feed generated columns and indexes.
  await sql`
    create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$
  `.execute(db);
  // One normalisation for every searchable label: lower case, no accents, punctuation as spaces.
  // "Aide-soignant / Aide-soignante" → "aide soignant aide soignante".
  await sql`
    create or replace function normalize_search(text) returns text
    language sql immutable parallel safe strict
    as $$ select trim(regexp_replace(f_unaccent(lower($1)), '[^a-z0-9]+', ' ', 'g')) $$
  `.execute(db);

  await sql`
    create table reference_datasets (
      name text primary key,
      version text not null,
      source text not null,
      rows integer not null,
      loaded_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table rome_fiches (
      rome_code text primary key,
      label text not null,
      parent_rome_code text not null,
      ogr_code text not null,
      domain_code text not null,
      domain_label text not null,
      grand_domain_code text not null,
      grand_domain_label text not null,
      definition text not null default '',
      access text not null default '',
      regulated boolean not null default false,
      executive boolean not null default false
    )
  `.execute(db);
  await sql`create index rome_fiches_parent_idx on rome_fiches (parent_rome_code)`.execute(db);

  await sql`
    create table rome_appellations (
      code_ogr text primary key,
      label text not null,
      short_label text not null,
      rome_code text not null references rome_fiches (rome_code),
      principal boolean not null,
      rarely_used boolean not null,
      search_text text generated always as (normalize_search(label)) stored
    )
  `.execute(db);
  await sql`create index rome_appellations_rome_idx on rome_appellations (rome_code)`.execute(db);
  await sql`create index rome_appellations_trgm_idx on rome_appellations using gin (search_text gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table rome_skills (
      rome_code text not null references rome_fiches (rome_code),
      code_ogr text not null,
      kind text not null check (kind in ('savoir_faire', 'savoir_etre', 'savoir')),
      label text not null,
      core boolean not null,
      position integer not null,
      primary key (rome_code, code_ogr)
    )
  `.execute(db);

  await sql`
    create table rome_mobilities (
      rome_code text not null references rome_fiches (rome_code),
      target_rome_code text not null references rome_fiches (rome_code),
      rank integer not null,
      primary key (rome_code, target_rome_code)
    )
  `.execute(db);

  await sql`
    create table regions (
      code text primary key,
      name text not null
    )
  `.execute(db);
  await sql`
    create table departements (
      code text primary key,
      name text not null,
      region_code text not null references regions (code),
      lat double precision not null,
      lon double precision not null
    )
  `.execute(db);
  await sql`
    create table communes (
      insee_code text primary key,
      name text not null,
      departement_code text not null references departements (code),
      postal_codes text[] not null,
      lat double precision not null,
      lon double precision not null,
      population integer not null default 0,
      kind text not null check (kind in ('commune', 'arrondissement', 'city_with_arrondissements')),
      parent_insee_code text,
      search_text text generated always as (normalize_search(name)) stored
    )
  `.execute(db);
  await sql`create index communes_trgm_idx on communes using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index communes_postal_codes_idx on communes using gin (postal_codes)`.execute(db);
  await sql`create index communes_geo_idx on communes using gist (ll_to_earth(lat, lon))`.execute(db);

  await sql`
    create table naf_sections (
      code text primary key,
      label text not null
    )
  `.execute(db);
  await sql`
    create table naf_codes (
      code text primary key,
      label text not null,
      section_code text not null references naf_sections (code)
    )
  `.execute(db);
  // Hires (contracts > 1 month) per NAF and classic ROME code; affinity = share of the NAF's hires.
  await sql`
    create table naf_rome_hirings (
      naf_code text not null references naf_codes (code),
      rome_code text not null,
      hirings integer not null,
      affinity double precision not null,
      primary key (naf_code, rome_code)
    )
  `.execute(db);
  await sql`create index naf_rome_hirings_rome_idx on naf_rome_hirings (rome_code)`.execute(db);

  await sql`
    create table opcos (
      id text primary key,
      name text not null unique,
      full_name text not null,
      source_label text not null unique
    )
  `.execute(db);
  await sql`
    create table idcc_opcos (
      idcc integer primary key,
      opco_id text not null references opcos (id),
      label text not null
    )
  `.execute(db);

  await sql`
    create table diploma_levels (
      level integer primary key check (level between 3 and 7),
      label text not null,
      france_travail_code text not null
    )
  `.execute(db);
  await sql`
    create table diplomas (
      cfd text primary key,
      label text not null,
      rncp_code text,
      level integer,
      kind text
    )
  `.execute(db);
  await sql`create index diplomas_rncp_idx on diplomas (rncp_code)`.execute(db);
  await sql`
    create table rncp_romes (
      rncp_code text not null,
      rome_code text not null,
      primary key (rncp_code, rome_code)
    )
  `.execute(db);
  await sql`create index rncp_romes_rome_idx on rncp_romes (rome_code)`.execute(db);

  await sql`
    create table job_tensions (
      rome_code text primary key,
      tension_pct double precision not null,
      family_code text not null,
      family_label text not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "job_tensions",
    "rncp_romes",
    "diplomas",
    "diploma_levels",
    "idcc_opcos",
    "opcos",
    "naf_rome_hirings",
    "naf_codes",
    "naf_sections",
    "communes",
    "departements",
    "regions",
    "rome_mobilities",
    "rome_skills",
    "rome_appellations",
    "rome_fiches",
    "reference_datasets",
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
