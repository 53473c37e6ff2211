import { type Kysely, sql } from "kysely";

/**
 * Messages sent from the /contact form, and partners' API key requests (topic « clé d'API ») that an
 * admin grants (the key is created in api_keys and emailed once) or refuses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table contact_messages (
      id uuid primary key default gen_random_uuid(),
      topic text not null,
      name text not null,
      email text not null,
      organisation text,
      message text not null,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`create index contact_messages_created_idx on contact_messages (created_at)`.execute(db);
  await sql`
    create table api_key_requests (
      id uuid primary key default gen_random_uuid(),
      contact_message_id uuid not null unique references contact_messages (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'granted', 'refused')),
      created_at timestamptz not null,
      decided_at timestamptz,
      decided_by uuid references users (id),
      api_key_id uuid references api_keys (id),
      scopes text[] not null default '{}'
    )
  `.execute(db);
  await sql`create index api_key_requests_status_idx on api_key_requests (status, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table api_key_requests`.execute(db);
  await sql`drop table contact_messages`.execute(db);
}
