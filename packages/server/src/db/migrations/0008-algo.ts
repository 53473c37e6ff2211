import { type Kysely, sql } from "kysely";

/**
 * The prediction algorithm's side of the database (docs/adr/005-algo-storage-and-publication.md):
 * imported histories, runs with their reports and scores, the exposed set of each run behind one
 * "active run" pointer, opt-outs and overrides, and the two public request queues.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per imported file (or generated load): what it brought, what it refused, and why.
  await sql`
    create table algo_imports (
      id serial primary key,
      source text not null check (source in ('contracts', 'hires', 'finances')),
      file_name text not null,
      sha256 text,
      status text not null check (status in ('loading', 'done')),
      records integer not null default 0,
      skipped integer not null default 0,
      rejected integer not null default 0,
      unknown_sirets integer not null default 0,
      first_day date,
      last_day date,
      report jsonb not null default '{}',
      started_at timestamptz not null,
      finished_at timestamptz
    )
  `.execute(db);
  // The same file twice would count its hires twice: refused unless the earlier import is replaced.
  await sql`create unique index algo_imports_file_idx on algo_imports (source, sha256) where sha256 is not null`.execute(
    db,
  );

  // Contracts and other hires, packed per establishment and import (8 bytes an event: int32 day,
  // uint8 kind, ROME letter and number; see packages/algo/src/data/packed-events.ts). 56 M events
  // as rows would not fit the 10-minute budget on PGlite; 1.5 M rows of bytes read back at once.
  await sql`
    create table algo_event_sets (
      source text not null check (source in ('contracts', 'hires')),
      siret text not null,
      import_id integer not null references algo_imports (id) on delete cascade,
      part integer not null,
      event_count integer not null,
      first_day date not null,
      last_day date not null,
      events bytea not null,
      primary key (source, siret, import_id, part)
    )
  `.execute(db);
  await sql`create index algo_event_sets_import_idx on algo_event_sets (import_id)`.execute(db);

  // Yearly accounts per company; a later line for the same year replaces the earlier one.
  await sql`
    create table algo_finances (
      siren text not null,
      year smallint not null,
      revenue double precision,
      net_result double precision,
      headcount real,
      import_id integer references algo_imports (id) on delete set null,
      primary key (siren, year)
    )
  `.execute(db);

  await sql`
    create table algo_runs (
      id serial primary key,
      kind text not null check (kind in ('evaluate', 'score')),
      status text not null check (status in ('running', 'succeeded', 'failed')),
      trigger text not null,
      as_of date,
      parameters jsonb not null default '{}',
      summary jsonb not null default '{}',
      report_json jsonb,
      report_md text,
      report_svg text,
      error text,
      started_at timestamptz not null,
      finished_at timestamptz,
      first_published_at timestamptz
    )
  `.execute(db);
  await sql`create index algo_runs_started_idx on algo_runs (started_at desc)`.execute(db);

  // Every scored establishment of a run (exposed or not), for audit and "why is X not shown".
  await sql`
    create table algo_scores (
      run_id integer not null references algo_runs (id) on delete cascade,
      siret text not null,
      predicted_hires real not null,
      score real not null,
      exclusion smallint not null default 0,
      primary key (run_id, siret)
    )
  `.execute(db);

  // The exposed (establishment, job) pairs of each run. Search reads only the active run's rows,
  // nearest first: run and job as btree_gist columns in front of the position.
  await sql`
    create table algo_exposed (
      run_id integer not null references algo_runs (id) on delete cascade,
      siret text not null,
      rome_code text not null,
      rome_label text not null,
      score real not null,
      company_score real not null,
      boost real not null default 0,
      explanation text not null,
      source text not null check (source in ('algorithm', 'listing', 'admin')),
      -- A job an admin removed: kept (so that "give it back to the algorithm" is immediate) but never shown.
      hidden boolean not null default false,
      lat double precision not null,
      lon double precision not null,
      primary key (run_id, siret, rome_code)
    )
  `.execute(db);
  await sql`create index algo_exposed_search_idx on algo_exposed using gist (run_id, rome_code, ll_to_earth(lat, lon)) where not hidden`.execute(
    db,
  );

  // One row: which run the public sees, and the one before it (rollback). Publishing is one UPDATE.
  await sql`
    create table algo_publication (
      id boolean primary key default true check (id),
      active_run_id integer references algo_runs (id),
      previous_run_id integer references algo_runs (id),
      changed_at timestamptz,
      changed_by text
    )
  `.execute(db);
  await sql`insert into algo_publication (id) values (true)`.execute(db);
  await sql`
    create table algo_publication_events (
      id bigserial primary key,
      action text not null check (action in ('publish', 'rollback')),
      run_id integer not null references algo_runs (id),
      replaced_run_id integer references algo_runs (id),
      actor text not null,
      created_at timestamptz not null
    )
  `.execute(db);

  // Opt-outs are permanent: every later run excludes them and search filters them out at once.
  await sql`
    create table algo_delistings (
      siret text primary key,
      reason text not null,
      origin text not null check (origin in ('company', 'admin')),
      request_id uuid,
      created_at timestamptz not null
    )
  `.execute(db);

  // Opt-in and admin edits, re-applied to every run that is published.
  await sql`
    create table algo_company_overrides (
      siret text primary key,
      listed boolean not null default false,
      boost real not null default 0 check (boost >= 0 and boost <= 50),
      contact_first_name text,
      contact_last_name text,
      contact_email text,
      contact_phone text,
      updated_at timestamptz not null,
      updated_by text not null
    )
  `.execute(db);
  await sql`
    create table algo_override_romes (
      siret text not null references algo_company_overrides (siret) on delete cascade,
      rome_code text not null,
      rome_label text not null,
      action text not null check (action in ('add', 'remove')),
      primary key (siret, rome_code)
    )
  `.execute(db);
  await sql`
    create table algo_company_events (
      id bigserial primary key,
      siret text not null,
      actor text not null,
      action text not null,
      details jsonb,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`create index algo_company_events_siret_idx on algo_company_events (siret, created_at)`.execute(db);

  await sql`
    create table algo_delisting_requests (
      id uuid primary key default gen_random_uuid(),
      siret text not null,
      company_name text,
      email text not null,
      reason text not null,
      status text not null check (status in ('awaiting_confirmation', 'pending_review', 'done', 'refused')),
      token_hash text unique,
      token_expires_at timestamptz,
      decided_by text,
      decision_reason text,
      decided_at timestamptz,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`create index algo_delisting_requests_queue_idx on algo_delisting_requests (status, created_at)`.execute(db);

  await sql`
    create table algo_listing_requests (
      id uuid primary key default gen_random_uuid(),
      siret text not null,
      company_name text,
      opco_id text references opcos (id),
      contact_first_name text not null,
      contact_last_name text not null,
      contact_email text not null,
      contact_phone text not null,
      rome_codes text[] not null,
      message text,
      status text not null check (status in ('pending', 'accepted', 'refused')),
      decided_by text,
      decision_reason text,
      decided_at timestamptz,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`create index algo_listing_requests_queue_idx on algo_listing_requests (status, created_at)`.execute(db);
  await sql`create index algo_listing_requests_opco_idx on algo_listing_requests (opco_id, status, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "algo_listing_requests",
    "algo_delisting_requests",
    "algo_company_events",
    "algo_override_romes",
    "algo_company_overrides",
    "algo_delistings",
    "algo_publication_events",
    "algo_publication",
    "algo_exposed",
    "algo_scores",
    "algo_runs",
    "algo_finances",
    "algo_event_sets",
    "algo_imports",
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
