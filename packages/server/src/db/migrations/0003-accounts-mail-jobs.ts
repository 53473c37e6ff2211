import { type Kysely, sql } from "kysely";

/**
 * People, their organisations (accounts), sign-in (magic links, sessions), the audit trail,
 * the mail outbox and scheduled job runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      first_name text not null,
      last_name text not null,
      phone text,
      role text not null check (role in ('recruiter', 'cfa', 'opco', 'chamber', 'admin')),
      opco_id text references opcos (id),
      email_confirmed_at timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      check (role <> 'opco' or opco_id is not null)
    )
  `.execute(db);
  await sql`create index users_opco_idx on users (opco_id) where role = 'opco'`.execute(db);

  // An account ties a person to an organisation (a company, or a CFA) by SIRET. One email may hold
  // several companies; one email + SIRET only once.
  await sql`
    create table accounts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id),
      type text not null check (type in ('company', 'cfa')),
      siret text not null check (siret ~ '^[0-9]{14}$'),
      company_name text not null,
      status text not null check (status in ('pending_confirmation', 'active', 'certified', 'rejected', 'disabled')),
      opco_id text references opcos (id),
      opco_source text check (opco_source in ('idcc', 'declared', 'admin')),
      rejection_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      confirmed_at timestamptz,
      certified_at timestamptz,
      unique (user_id, siret)
    )
  `.execute(db);
  await sql`create index accounts_siret_idx on accounts (siret)`.execute(db);
  await sql`create index accounts_opco_status_idx on accounts (opco_id, status, created_at)`.execute(db);
  await sql`create index accounts_admin_queue_idx on accounts (created_at) where opco_id is null`.execute(db);

  await sql`
    create table account_events (
      id bigserial primary key,
      account_id uuid not null references accounts (id),
      actor_user_id uuid references users (id),
      actor_label text not null,
      action text not null,
      from_status text,
      to_status text,
      reason text,
      details jsonb,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index account_events_account_idx on account_events (account_id, created_at)`.execute(db);

  await sql`
    create table magic_links (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references users (id),
      purpose text not null check (purpose in ('sign_in', 'confirm_email')),
      redirect_to text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )
  `.execute(db);
  await sql`create index magic_links_user_idx on magic_links (user_id, created_at)`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references users (id),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      user_agent text,
      ip text
    )
  `.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  // Every email goes through here: stored in the same transaction as what caused it, sent later
  // with retries. dedupe_key makes "send once" (reminders, digests) a constraint, not a hope.
  await sql`
    create table outbox_emails (
      id uuid primary key default gen_random_uuid(),
      dedupe_key text unique,
      template text not null,
      to_address text not null,
      subject text not null,
      html text not null,
      text_body text not null,
      attachments jsonb,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      claimed_until timestamptz,
      last_error text,
      transport text,
      message_id text,
      created_at timestamptz not null,
      sent_at timestamptz
    )
  `.execute(db);
  await sql`create index outbox_emails_due_idx on outbox_emails (next_attempt_at) where status in ('pending', 'sending')`.execute(
    db,
  );
  await sql`create index outbox_emails_to_idx on outbox_emails (to_address, created_at)`.execute(db);

  await sql`
    create table email_suppressions (
      address text primary key,
      reason text not null,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table job_runs (
      id bigserial primary key,
      job text not null,
      trigger text not null check (trigger in ('schedule', 'cli', 'test')),
      as_of timestamptz not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      status text not null check (status in ('running', 'succeeded', 'failed', 'skipped')),
      summary jsonb,
      error text
    )
  `.execute(db);
  await sql`create index job_runs_job_idx on job_runs (job, started_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "job_runs",
    "email_suppressions",
    "outbox_emails",
    "sessions",
    "magic_links",
    "account_events",
    "accounts",
    "users",
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
