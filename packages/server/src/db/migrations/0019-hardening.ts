import { type Kysely, sql } from "kysely";

/**
 * Issue 12 (hardening):
 * - rate_limits: request counters shared by every instance (one row per client key and limit, a
 *   window that starts at the key's first request), read and bumped in one upsert;
 * - api_keys: a revoked, deleted or re-scoped key is announced on the `api_keys_changed` channel
 *   (LISTEN/NOTIFY), so each instance drops its cache of trusted keys at once, whoever wrote
 *   the change (an admin route, the CLI in another process, psql);
 * - outbox_emails: `data_sent_at` is written before the end of the SMTP DATA phase, and status
 *   `unknown` marks an email whose acceptance by the server was never confirmed (never resent
 *   automatically: resending is an operator's decision, see ADR 010).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table rate_limits (
      key text primary key,
      hits integer not null,
      expires_at timestamptz not null
    )
  `.execute(db);
  await sql`create index rate_limits_expires_idx on rate_limits (expires_at)`.execute(db);

  await sql`
    create or replace function notify_api_keys_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('api_keys_changed', coalesce(old.id, new.id)::text);
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger api_keys_changed after update of revoked_at, scopes, rate_per_minute, key_hash or delete
    on api_keys for each row execute function notify_api_keys_changed()
  `.execute(db);

  await sql`alter table outbox_emails add column data_sent_at timestamptz`.execute(db);
  await sql`alter table outbox_emails drop constraint outbox_emails_status_check`.execute(db);
  await sql`
    alter table outbox_emails add constraint outbox_emails_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'unknown'))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update outbox_emails set status = 'failed' where status = 'unknown'`.execute(db);
  await sql`alter table outbox_emails drop constraint outbox_emails_status_check`.execute(db);
  await sql`
    alter table outbox_emails add constraint outbox_emails_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled'))
  `.execute(db);
  await sql`alter table outbox_emails drop column data_sent_at`.execute(db);
  await sql`drop trigger if exists api_keys_changed on api_keys`.execute(db);
  await sql`drop function if exists notify_api_keys_changed()`.execute(db);
  await sql`drop table if exists rate_limits`.execute(db);
}
