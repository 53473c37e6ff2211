import { type Kysely, sql } from "kysely";

/**
 * A verified member invites a colleague's address (ADR 009): when that person confirms their email
 * on the same SIRET, they are verified at once by the invitation. One row per (organisation,
 * address); inviting again renews it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table membership_invitations (
      id uuid primary key default gen_random_uuid(),
      siret text not null,
      type text not null check (type in ('company', 'cfa')),
      email text not null,
      invited_by_account_id uuid not null references accounts (id) on delete cascade,
      invited_by_label text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      unique (siret, type, email)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table membership_invitations`.execute(db);
}
