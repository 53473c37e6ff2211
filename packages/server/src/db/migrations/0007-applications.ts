import { type Kysely, sql } from "kysely";

/**
 * Applications (to an offer, or spontaneous to a company), their answers, and abuse reports.
 * The CV itself is not stored here: it travels inside the recruiter's outbox email, the one copy,
 * and a trigger forgets it as soon as that email is sent (docs/adr/007-applications.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      target_kind text not null check (target_kind in ('offer', 'company')),
      offer_id uuid references offers (id),
      offer_cycle integer,
      siret text not null,
      company_name text not null,
      offer_title text,
      recipient_email text,
      recipient_source text not null,
      recipient_user_id uuid references users (id),
      candidate_first_name text,
      candidate_last_name text,
      candidate_email text,
      candidate_phone text,
      message text,
      cv_file_name text,
      cv_content_type text,
      cv_size integer,
      source text not null check (source in ('tremplin', 'partner')),
      partner_name text,
      api_key_id uuid,
      status text not null default 'new' check (status in ('new', 'undecided', 'interview', 'refused')),
      refusal_reason text,
      answer_message text,
      answered_at timestamptz,
      answered_via text check (answered_via in ('link', 'space')),
      recruiter_email_id uuid,
      created_at timestamptz not null,
      anonymised_at timestamptz,
      check ((target_kind = 'offer') = (offer_id is not null)),
      check (source = 'tremplin' or partner_name is not null)
    )
  `.execute(db);
  await sql`create index applications_offer_idx on applications (offer_id, created_at desc) where offer_id is not null`.execute(
    db,
  );
  // The per-candidate limits count by address over a short window.
  await sql`create index applications_candidate_idx on applications (candidate_email, created_at) where candidate_email is not null`.execute(
    db,
  );
  await sql`create index applications_recipient_idx on applications (recipient_user_id, created_at desc) where target_kind = 'company'`.execute(
    db,
  );
  await sql`create index applications_retention_idx on applications (created_at) where anonymised_at is null`.execute(
    db,
  );

  // "Deleted once delivered" as a rule of the database: whatever code path marks the recruiter's
  // email sent (any sender, any instance), the CV leaves with the same update. The template name
  // is the one of mail/templates/applications.ts.
  await sql`
    create or replace function forget_delivered_cv() returns trigger language plpgsql as $$
    begin
      new.attachments := null;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger outbox_forget_delivered_cv before update of status on outbox_emails
    for each row
    when (new.status = 'sent' and new.template = 'applicationToRecruiter' and new.attachments is not null)
    execute function forget_delivered_cv()
  `.execute(db);

  await sql`
    create table abuse_reports (
      id uuid primary key default gen_random_uuid(),
      target_kind text not null check (target_kind in ('offer', 'company')),
      offer_id uuid references offers (id),
      siret text not null,
      reason text not null,
      message text,
      status text not null default 'open' check (status in ('open', 'unpublished', 'dismissed')),
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_note text,
      created_at timestamptz not null,
      check ((target_kind = 'offer') = (offer_id is not null))
    )
  `.execute(db);
  await sql`create index abuse_reports_queue_idx on abuse_reports (status, created_at)`.execute(db);
  await sql`create index abuse_reports_target_idx on abuse_reports (siret, target_kind, status)`.execute(db);
  await sql`create index abuse_reports_offer_idx on abuse_reports (offer_id) where offer_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists outbox_forget_delivered_cv on outbox_emails`.execute(db);
  await sql`drop function if exists forget_delivered_cv()`.execute(db);
  await sql`drop table if exists abuse_reports`.execute(db);
  await sql`drop table if exists applications`.execute(db);
}
