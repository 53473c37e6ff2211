import { type Kysely, sql } from "kysely";

/** Offers, their lifecycle and who posted them (the company itself, or an intermediary for it). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table offers (
      id uuid primary key default gen_random_uuid(),
      owner_user_id uuid references users (id),
      account_id uuid references accounts (id),
      intermediary_kind text check (intermediary_kind in ('cfa', 'opco', 'chamber')),
      intermediary_name text,
      intermediary_user_id uuid references users (id),
      api_key_id uuid,
      external_id text,
      siret text not null,
      company_name text not null,
      company_description text,
      contact_first_name text not null,
      contact_last_name text not null,
      contact_email text not null,
      contact_phone text,
      appellation_code text not null references rome_appellations (code_ogr),
      appellation_label text not null,
      rome_code text not null,
      rome_label text not null,
      rome_version text not null,
      title text not null,
      description text not null,
      access text not null,
      skills jsonb not null,
      start_date date,
      start_asap boolean not null default false,
      contract_types text[] not null,
      diploma_level integer check (diploma_level between 3 and 7),
      duration_months integer not null check (duration_months between 6 and 36),
      positions integer not null check (positions between 1 and 20),
      rhythm text,
      disability_friendly boolean not null default false,
      lat double precision,
      lon double precision,
      city text,
      postal_code text,
      insee_code text,
      naf_label text,
      status text not null check (status in ('active', 'pending', 'filled', 'cancelled', 'expired')),
      expiry_cycle integer not null default 1,
      published_at timestamptz,
      expires_at timestamptz,
      closed_at timestamptz,
      views integer not null default 0,
      applications_count integer not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (start_date is not null or start_asap)
    )
  `.execute(db);
  await sql`create index offers_owner_idx on offers (owner_user_id, created_at desc)`.execute(db);
  await sql`create index offers_account_idx on offers (account_id)`.execute(db);
  await sql`create index offers_intermediary_idx on offers (intermediary_user_id) where intermediary_user_id is not null`.execute(
    db,
  );
  await sql`create index offers_expiry_idx on offers (expires_at) where status = 'active'`.execute(db);
  await sql`create index offers_updated_idx on offers (updated_at, id)`.execute(db);
  await sql`create unique index offers_external_idx on offers (api_key_id, external_id) where external_id is not null`.execute(
    db,
  );
  // Candidate search: offers of a ROME, nearest first (btree_gist lets both live in one index).
  await sql`create index offers_search_idx on offers using gist (rome_code, ll_to_earth(lat, lon)) where status = 'active'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists offers`.execute(db);
}
