import { type Kysely, sql } from "kysely";

/**
 * Diffusion to partners: API keys, webhooks and their delivery outbox, and the log of offer changes
 * that feeds them. The log is written by a trigger, so no code path that changes an offer can forget
 * to tell partners (and a change and its event commit together).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      key_hash text not null unique,
      key_prefix text not null,
      scopes text[] not null,
      rate_per_minute integer not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);

  await sql`
    create table offer_events (
      id bigserial primary key,
      offer_id uuid not null,
      event text not null check (event in ('offer.published', 'offer.updated', 'offer.closed')),
      status text not null,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create or replace function log_offer_event() returns trigger language plpgsql as $$
    declare
      kind text;
    begin
      if tg_op = 'INSERT' then
        if new.status = 'active' then kind := 'offer.published'; end if;
      elsif new.status = 'active' and old.status <> 'active' then
        kind := 'offer.published';
      elsif old.status = 'active' and new.status <> 'active' then
        kind := 'offer.closed';
      elsif new.status = 'active' and new.updated_at is distinct from old.updated_at then
        kind := 'offer.updated';
      end if;
      if kind is not null then
        insert into offer_events (offer_id, event, status, created_at) values (new.id, kind, new.status, new.updated_at);
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger offers_log_event after insert or update on offers
    for each row execute function log_offer_event()
  `.execute(db);

  await sql`
    create table webhooks (
      id uuid primary key default gen_random_uuid(),
      api_key_id uuid not null references api_keys (id),
      url text not null,
      events text[] not null,
      secret text not null,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )
  `.execute(db);

  // One row per (webhook, event): created by the dispatcher from offer_events, sent with retries.
  await sql`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      webhook_id uuid not null references webhooks (id),
      offer_event_id bigint not null references offer_events (id),
      event text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      claimed_until timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz not null,
      delivered_at timestamptz,
      unique (webhook_id, offer_event_id)
    )
  `.execute(db);
  await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status in ('pending', 'sending')`.execute(
    db,
  );

  // Which events each webhook has been given: the dispatcher resumes from here after a restart.
  await sql`
    create table webhook_cursors (
      name text primary key,
      last_event_id bigint not null
    )
  `.execute(db);
  await sql`insert into webhook_cursors (name, last_event_id) values ('dispatcher', 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists offers_log_event on offers`.execute(db);
  await sql`drop function if exists log_offer_event()`.execute(db);
  for (const table of ["webhook_cursors", "webhook_deliveries", "webhooks", "offer_events", "api_keys"]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
