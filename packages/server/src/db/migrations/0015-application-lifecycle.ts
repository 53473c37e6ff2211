import { type Kysely, sql } from "kysely";

/**
 * The hire loop (issue 15, ADR 011): candidates sign in, follow and withdraw what they sent; the
 * recruiter's inbox has statuses up to « hired » and a private note; CVs are kept encrypted for
 * CV_RETENTION_DAYS; an offer is closed with a reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Candidates: a person with no organisation, who signs in with the same magic link.
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`
    alter table users add constraint users_role_check
      check (role in ('recruiter', 'cfa', 'opco', 'chamber', 'admin', 'candidate'))
  `.execute(db);
  // Anyone who already applied can sign in: one candidate per address not already someone.
  await sql`
    insert into users (email, first_name, last_name, phone, role)
    select distinct on (candidate_email) candidate_email, coalesce(candidate_first_name, ''),
           coalesce(candidate_last_name, ''), candidate_phone, 'candidate'
      from applications
     where candidate_email is not null and anonymised_at is null and candidate_email = lower(candidate_email)
     order by candidate_email, created_at desc
    on conflict (email) do nothing
  `.execute(db);

  // Statuses: « undecided » (the one-click « je ne sais pas encore ») is « seen » from now on.
  await sql`alter table applications drop constraint applications_status_check`.execute(db);
  await sql`update applications set status = 'seen' where status = 'undecided'`.execute(db);
  await sql`
    alter table applications
      add constraint applications_status_check
        check (status in ('new', 'seen', 'interview', 'refused', 'hired', 'withdrawn')),
      add column recruiter_note text,
      add column first_decision_at timestamptz,
      add column withdrawn_at timestamptz,
      add column contract_signed_at timestamptz
  `.execute(db);
  // The first real answer (interview, refused, hired): answer rates are measured from it.
  await sql`
    update applications set first_decision_at = answered_at
     where status in ('interview', 'refused') and answered_at is not null
  `.execute(db);
  // Nudges, digests and the candidate's 14-day mail look for applications awaiting an answer.
  await sql`create index applications_awaiting_idx on applications (created_at) where status in ('new', 'seen')`.execute(
    db,
  );

  // The CV, encrypted (AES-256-GCM; the id is the associated data, so a blob cannot be moved to
  // another application), kept until delete_after, then deleted by applications:cv-retention.
  await sql`
    create table application_cvs (
      application_id uuid primary key references applications (id) on delete cascade,
      file_name text not null,
      content_type text not null,
      iv bytea not null,
      auth_tag bytea not null,
      ciphertext bytea not null,
      created_at timestamptz not null,
      delete_after timestamptz not null
    )
  `.execute(db);
  await sql`create index application_cvs_delete_after_idx on application_cvs (delete_after)`.execute(db);

  // Why an offer was closed, and which application was hired through Tremplin.
  await sql`
    alter table offers
      add column close_reason text check (close_reason in ('hired_tremplin', 'hired_elsewhere', 'no_longer_needed')),
      add column hired_application_id uuid references applications (id) on delete set null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table offers drop column hired_application_id, drop column close_reason`.execute(db);
  await sql`drop table if exists application_cvs`.execute(db);
  await sql`drop index if exists applications_awaiting_idx`.execute(db);
  await sql`alter table applications drop constraint applications_status_check`.execute(db);
  await sql`update applications set status = 'undecided' where status = 'seen'`.execute(db);
  await sql`update applications set status = 'interview' where status = 'hired'`.execute(db);
  await sql`update applications set status = 'new' where status = 'withdrawn'`.execute(db);
  await sql`
    alter table applications
      drop column recruiter_note, drop column first_decision_at, drop column withdrawn_at,
      drop column contract_signed_at,
      add constraint applications_status_check check (status in ('new', 'undecided', 'interview', 'refused'))
  `.execute(db);
  await sql`delete from users where role = 'candidate'`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`
    alter table users add constraint users_role_check check (role in ('recruiter', 'cfa', 'opco', 'chamber', 'admin'))
  `.execute(db);
}
