import { type Kysely, sql } from "kysely";

/**
 * The apprenticeship training catalogue (organisations, trainings and their ROME lookup keys) and
 * the requests companies send to CFAs about an offer (mise en relation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per training organisation (the "formateur" SIRET of the catalogue). Imports update the
  // catalogue fields; the opt-out is the CFA's own choice and no import touches it.
  await sql`
    create table training_organisations (
      siret text primary key,
      uai text,
      name text,
      street text,
      postal_code text,
      city text,
      insee_code text,
      lat double precision,
      lon double precision,
      email text,
      quality_certified boolean not null,
      requests_opted_out_at timestamptz,
      source text not null check (source in ('catalogue', 'lba', 'demo')),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )
  `.execute(db);

  await sql`
    create table trainings (
      id uuid primary key default gen_random_uuid(),
      -- The source's own key ("catalogue:<clé ministère éducatif>", "lba:<id>"): reimports update in place.
      source_key text not null unique,
      source text not null check (source in ('catalogue', 'lba', 'demo')),
      organisation_siret text not null references training_organisations (siret),
      title text not null,
      cfd text,
      rncp_code text,
      diploma_level integer check (diploma_level between 3 and 7),
      street text,
      postal_code text,
      city text,
      insee_code text,
      lat double precision not null,
      lon double precision not null,
      rome_codes text[] not null,
      -- Where the ROME codes come from: the training's RNCP, its diploma's RNCP, the catalogue's own
      -- codes, or the diploma's domain (NSF group).
      rome_source text not null check (rome_source in ('rncp', 'diploma', 'catalogue', 'domain')),
      start_months text[] not null default '{}',
      imported_at timestamptz not null
    )
  `.execute(db);
  await sql`create index trainings_organisation_idx on trainings (organisation_siret)`.execute(db);
  await sql`create index trainings_source_idx on trainings (source, imported_at)`.execute(db);

  // One row per (training, key): its ROME codes, their classic parents and their domains, with the
  // training's position. Every lookup is then "key = $1 within a box" on one GiST index
  // (btree_gist puts the text key and the point in the same index).
  await sql`
    create table training_rome_keys (
      training_id uuid not null references trainings (id) on delete cascade,
      key text not null,
      lat double precision not null,
      lon double precision not null,
      primary key (training_id, key)
    )
  `.execute(db);
  await sql`create index training_rome_keys_geo_idx on training_rome_keys using gist (key, ll_to_earth(lat, lon))`.execute(
    db,
  );

  await sql`
    create table cfa_requests (
      id uuid primary key default gen_random_uuid(),
      offer_id uuid not null references offers (id),
      cfa_siret text not null references training_organisations (siret),
      requested_by_user_id uuid references users (id),
      match text not null check (match in ('exact', 'parent', 'domain')),
      distance_km double precision not null,
      -- Titles of the matching trainings when the request was made, as the email shows them.
      trainings text[] not null default '{}',
      status text not null check (status in ('held', 'sent', 'cancelled')),
      answer text check (answer in ('candidates', 'no_candidate')),
      answer_message text,
      answered_via text check (answered_via in ('link', 'space')),
      created_at timestamptz not null,
      sent_at timestamptz,
      answered_at timestamptz,
      unique (offer_id, cfa_siret)
    )
  `.execute(db);
  await sql`create index cfa_requests_cfa_idx on cfa_requests (cfa_siret, created_at desc)`.execute(db);
  await sql`create index cfa_requests_held_idx on cfa_requests (offer_id) where status = 'held'`.execute(db);

  // Offers whose manager was invited to use matching (once per offer).
  await sql`
    create table cfa_matching_invitations (
      offer_id uuid primary key references offers (id),
      user_id uuid not null references users (id),
      invited_at timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "cfa_matching_invitations",
    "cfa_requests",
    "training_rome_keys",
    "trainings",
    "training_organisations",
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
