import { type Kysely, sql } from "kysely";

/**
 * Job alerts (double opt-in, daily mail of new offers) and the offers' daily audience counters
 * (issue 15, ADR 015). Outbox emails may carry extra headers (List-Unsubscribe, RFC 8058).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_emails add column headers jsonb`.execute(db);

  await sql`
    create table alerts (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      romes text[] not null,
      appellation_code text,
      job_label text not null,
      place_label text not null,
      lat double precision not null,
      lon double precision not null,
      radius_km integer not null check (radius_km between 1 and 200),
      diploma_level integer check (diploma_level between 3 and 7),
      created_at timestamptz not null,
      confirmed_at timestamptz
    )
  `.execute(db);
  await sql`create index alerts_email_idx on alerts (email, created_at)`.execute(db);
  await sql`create index alerts_unconfirmed_idx on alerts (created_at) where confirmed_at is null`.execute(db);

  // What alerts:send matches new offers against: one row per confirmed alert and ROME fiche, with
  // the alert's circle as a box (cube) so that a GiST index finds the alerts whose box holds an
  // offer; the exact distance is checked after.
  await sql`
    create table alert_fiches (
      alert_id uuid not null references alerts (id) on delete cascade,
      rome_code text not null,
      lat double precision not null,
      lon double precision not null,
      radius_m double precision not null,
      area cube not null,
      primary key (alert_id, rome_code)
    )
  `.execute(db);
  await sql`create index alert_fiches_area_idx on alert_fiches using gist (rome_code, area)`.execute(db);

  // Offers mailed to an address: never the same offer twice to it, whatever its alerts.
  await sql`
    create table alert_deliveries (
      email text not null,
      offer_id uuid not null,
      alert_id uuid not null,
      sent_at timestamptz not null,
      primary key (email, offer_id)
    )
  `.execute(db);
  await sql`create index alert_deliveries_sent_idx on alert_deliveries (sent_at)`.execute(db);

  // alerts:send reads the offers published since its last run.
  await sql`create index offers_published_idx on offers (published_at) where status = 'active'`.execute(db);

  // One row per successful alerts:send: the next run looks at offers published since.
  await sql`
    create table alert_runs (
      as_of timestamptz primary key,
      alerts_mailed integer not null,
      offers_mailed integer not null,
      finished_at timestamptz not null
    )
  `.execute(db);

  // A run's matches, set-based in the database, then mailed in batches (unlogged: a scratch table).
  await sql`
    create unlogged table alert_matches (
      alert_id uuid not null,
      email text not null,
      offer_id uuid not null,
      distance_m double precision not null,
      primary key (alert_id, offer_id)
    )
  `.execute(db);

  // Per offer and Paris day: impressions in search, page views, apply clicks (applications are
  // counted from the applications table). Written in batches by each instance.
  await sql`
    create table offer_daily_stats (
      offer_id uuid not null references offers (id) on delete cascade,
      day date not null,
      impressions integer not null default 0,
      views integer not null default 0,
      apply_clicks integer not null default 0,
      primary key (offer_id, day)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists offer_daily_stats`.execute(db);
  await sql`drop table if exists alert_matches`.execute(db);
  await sql`drop table if exists alert_runs`.execute(db);
  await sql`drop index if exists offers_published_idx`.execute(db);
  await sql`drop table if exists alert_deliveries`.execute(db);
  await sql`drop table if exists alert_fiches`.execute(db);
  await sql`drop table if exists alerts`.execute(db);
  await sql`alter table outbox_emails drop column headers`.execute(db);
}
