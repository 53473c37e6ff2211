import { type Kysely, sql } from "kysely";

/**
 * Verified identity (issue 11, ADR 009). An account is a membership: one person ↔ one organisation
 * (company or CFA SIRET). It now records whether and how the link was verified; only verified
 * members speak for the organisation (spontaneous applications, delisting, CFA space).
 * - Existing certified accounts were verified by their OPCO: they keep that, the first one per
 *   SIRET administers (the role is derived from verified_at, so the order is what counts).
 * - Merely active accounts were verified by nothing but their own email: they stay unverified.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts
      add column verified_at timestamptz,
      add column verification_method text check (verification_method in (
        'opco_contact', 'catalogue_contact', 'algo_contact', 'verified_domain',
        'opco_certification', 'admin', 'member', 'invitation')),
      add column verified_by text,
      add constraint accounts_verified_with_method check ((verified_at is null) = (verification_method is null))
  `.execute(db);
  await sql`
    update accounts
       set verified_at = coalesce(certified_at, updated_at),
           verification_method = 'opco_certification',
           verified_by = 'OPCO (certification antérieure)'
     where status = 'certified'
  `.execute(db);
  await sql`create index accounts_siret_verified_idx on accounts (siret, verified_at) where verified_at is not null`.execute(
    db,
  );

  // Contacts an OPCO knows for its member companies (import:opco-contacts): an email listed here for
  // a SIRET verifies the account at once.
  await sql`
    create table opco_contacts (
      siret text not null,
      email text not null,
      imported_at timestamptz not null,
      source_file text not null,
      primary key (siret, email)
    )
  `.execute(db);
  await sql`create index opco_contacts_email_idx on opco_contacts (email)`.execute(db);

  // « Ce n'est pas nous » on an offer posted on behalf of a company: the offer is suspended and the
  // intermediary waits in this admin queue.
  await sql`
    create table intermediary_reports (
      id uuid primary key default gen_random_uuid(),
      offer_id uuid not null unique references offers (id),
      intermediary_user_id uuid references users (id),
      intermediary_email text not null,
      company_contact_email text not null,
      same_domain boolean not null,
      status text not null default 'open' check (status in ('open', 'cleared', 'confirmed')),
      decided_by text,
      decision_reason text,
      decided_at timestamptz,
      created_at timestamptz not null
    )
  `.execute(db);
  await sql`create index intermediary_reports_queue_idx on intermediary_reports (status, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table intermediary_reports`.execute(db);
  await sql`drop table opco_contacts`.execute(db);
  await sql`drop index accounts_siret_verified_idx`.execute(db);
  await sql`
    alter table accounts
      drop constraint accounts_verified_with_method,
      drop column verified_at, drop column verification_method, drop column verified_by
  `.execute(db);
}
