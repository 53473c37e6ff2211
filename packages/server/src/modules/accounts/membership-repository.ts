import type { AccountType } from "@tremplin/core";
import { sql } from "kysely";
import type { VerificationMethod } from "../../db/tables/accounts.js";
import type { Db } from "./repository.js";

/** The states in which an account speaks for its organisation, once verified. */
export const LIVE_STATUSES = ["active", "certified"] as const;

/**
 * Verified members of an organisation, the first verified first (it administers: ADR 009).
 * `type` keeps a company's members apart from a CFA's on the rare SIRET that has both.
 */
export async function findVerifiedMembers(db: Db, siret: string, type?: AccountType) {
  let query = db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select([
      "a.id as account_id",
      "a.type",
      "a.company_name",
      "a.verified_at",
      "a.verification_method",
      "u.id as user_id",
      "u.email",
      "u.first_name",
      "u.last_name",
    ])
    .where("a.siret", "=", siret)
    .where("a.status", "in", LIVE_STATUSES)
    .where("a.verified_at", "is not", null)
    .where("u.disabled_at", "is", null);
  if (type) query = query.where("a.type", "=", type);
  return query.orderBy("a.verified_at").orderBy("a.id").execute();
}

/** Every account (any state) of an organisation, with its person: the members page and the audit. */
export async function findAllMembers(db: Db, siret: string, type: AccountType) {
  return db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select([
      "a.id as account_id",
      "a.status",
      "a.company_name",
      "a.verified_at",
      "a.verification_method",
      "a.verified_by",
      "a.created_at",
      "u.id as user_id",
      "u.email",
      "u.first_name",
      "u.last_name",
    ])
    .where("a.siret", "=", siret)
    .where("a.type", "=", type)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
}

/** The person's live accounts of a type (the organisations they may act for once verified). */
export async function findLiveAccountsOfUser(db: Db, userId: string, type: AccountType) {
  return db
    .selectFrom("accounts")
    .select(["id", "siret", "company_name", "status", "verified_at", "verification_method"])
    .where("user_id", "=", userId)
    .where("type", "=", type)
    .where("status", "in", LIVE_STATUSES)
    .orderBy("created_at")
    .execute();
}

export async function markVerified(
  db: Db,
  accountId: string,
  verification: { method: VerificationMethod; by: string; at: Date },
) {
  await db
    .updateTable("accounts")
    .set({
      verified_at: verification.at,
      verification_method: verification.method,
      verified_by: verification.by,
      updated_at: verification.at,
    })
    .where("id", "=", accountId)
    .where("verified_at", "is", null)
    .execute();
}

// ---- Known contacts: what makes an address trustworthy for a SIRET without anyone's review. ----

export async function isOpcoContact(db: Db, siret: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("opco_contacts")
    .select("siret")
    .where("siret", "=", siret)
    .where("email", "=", email)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Read-only look-ups in tables of other modules (training catalogue, algorithm back office): a
 * verification must not depend on those modules being loaded, and nothing is written there.
 */
export async function isCatalogueContact(db: Db, siret: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("training_organisations")
    .select("siret")
    .where("siret", "=", siret)
    .where(sql<string>`lower(email)`, "=", email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function algoCompanyContact(db: Db, siret: string): Promise<string | null> {
  const row = await db
    .selectFrom("algo_company_overrides")
    .select("contact_email")
    .where("siret", "=", siret)
    .executeTakeFirst();
  return row?.contact_email?.toLowerCase() ?? null;
}

/**
 * A member invited or accepted by a colleague is vouched for as a person, not for their mail
 * domain: the company's accountant, once invited, must not verify every address of the accounting
 * firm. Only the other ways (a known contact, a certification, the domain itself) make it trusted.
 */
const PERSONAL_VERIFICATIONS = ["invitation", "member"] as const;

/** Whether someone verified in a way that vouches for their domain holds an address at it for the SIREN. */
export async function isDomainVerifiedForSiren(db: Db, siren: string, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select("a.id")
    .where("a.siret", "like", `${siren}%`)
    .where("a.status", "in", LIVE_STATUSES)
    .where("a.verified_at", "is not", null)
    .where((eb) =>
      eb.or([eb("a.verification_method", "is", null), eb("a.verification_method", "not in", PERSONAL_VERIFICATIONS)]),
    )
    .where(sql<string>`lower(split_part(u.email, '@', 2))`, "=", domain)
    .executeTakeFirst();
  return row !== undefined;
}

export async function opcoContactEmails(db: Db, siret: string): Promise<string[]> {
  const rows = await db.selectFrom("opco_contacts").select("email").where("siret", "=", siret).execute();
  return rows.map((r) => r.email);
}

export async function upsertOpcoContacts(
  db: Db,
  rows: Array<{ siret: string; email: string }>,
  sourceFile: string,
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto("opco_contacts")
    .values(rows.map((r) => ({ siret: r.siret, email: r.email, imported_at: now, source_file: sourceFile })))
    .onConflict((oc) => oc.columns(["siret", "email"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function existingSirets(db: Db, sirets: string[]): Promise<Set<string>> {
  if (sirets.length === 0) return new Set();
  const rows = await db.selectFrom("establishments").select("siret").where("siret", "in", sirets).execute();
  return new Set(rows.map((r) => r.siret));
}

/** The audit trail of an organisation: every event of every account on the SIRET, oldest first. */
export async function listOrganisationEvents(db: Db, siret: string) {
  return db
    .selectFrom("account_events as e")
    .innerJoin("accounts as a", "a.id", "e.account_id")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select([
      "e.id",
      "e.created_at",
      "e.actor_label",
      "e.action",
      "e.from_status",
      "e.to_status",
      "e.reason",
      "e.details",
      "a.id as account_id",
      "a.type",
      "a.company_name",
      "u.email",
      "u.first_name",
      "u.last_name",
    ])
    .where("a.siret", "=", siret)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
}

/**
 * Live accounts nobody has verified yet (email confirmed, no known contact): the queue of OPCO
 * advisers (their perimeter) and admins (opcoId null → all), with how many verified members the
 * organisation already has (they were asked too).
 */
export async function findPendingMemberships(db: Db, opcoId: string | null) {
  let query = db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("opcos as o", "o.id", "a.opco_id")
    .select([
      "a.id",
      "a.type",
      "a.siret",
      "a.company_name",
      "a.opco_id",
      "a.created_at",
      "o.name as opco_name",
      "u.first_name",
      "u.last_name",
      "u.email",
      (eb) =>
        eb
          .selectFrom("accounts as v")
          .select((v) => v.fn.countAll<number>().as("n"))
          .whereRef("v.siret", "=", "a.siret")
          .whereRef("v.type", "=", "a.type")
          .where("v.verified_at", "is not", null)
          .where("v.status", "in", LIVE_STATUSES)
          .as("verified_members"),
    ])
    .where("a.status", "=", "active")
    .where("a.verified_at", "is", null)
    .where("u.disabled_at", "is", null);
  if (opcoId) query = query.where("a.opco_id", "=", opcoId);
  return query.orderBy("a.created_at").orderBy("a.id").limit(500).execute();
}

// ---- Invitations: an address a verified member vouched for (ADR 009). ----

/** Creates or renews the invitation of an address to an organisation. */
export async function upsertInvitation(
  db: Db,
  invitation: {
    siret: string;
    type: AccountType;
    email: string;
    invitedByAccountId: string;
    invitedByLabel: string;
    at: Date;
    expiresAt: Date;
  },
) {
  await db
    .insertInto("membership_invitations")
    .values({
      siret: invitation.siret,
      type: invitation.type,
      email: invitation.email,
      invited_by_account_id: invitation.invitedByAccountId,
      invited_by_label: invitation.invitedByLabel,
      created_at: invitation.at,
      expires_at: invitation.expiresAt,
    })
    .onConflict((oc) =>
      oc.columns(["siret", "type", "email"]).doUpdateSet({
        invited_by_account_id: invitation.invitedByAccountId,
        invited_by_label: invitation.invitedByLabel,
        created_at: invitation.at,
        expires_at: invitation.expiresAt,
        used_at: null,
      }),
    )
    .execute();
}

/**
 * The invitations of an organisation that still count: unused, unexpired, and whose inviter is
 * still a live, verified member (an invitation dies with its inviter's membership). One rule for
 * verifying at confirmation and for the list shown to members.
 */
function validInvitations(db: Db, siret: string, type: AccountType, now: Date) {
  return db
    .selectFrom("membership_invitations as i")
    .innerJoin("accounts as a", "a.id", "i.invited_by_account_id")
    .where("i.siret", "=", siret)
    .where("i.type", "=", type)
    .where("i.used_at", "is", null)
    .where("i.expires_at", ">", now)
    .where("a.status", "in", LIVE_STATUSES)
    .where("a.verified_at", "is not", null);
}

/** The valid invitation of an address to an organisation, or undefined. */
export async function findValidInvitation(db: Db, siret: string, type: AccountType, email: string, now: Date) {
  return validInvitations(db, siret, type, now)
    .select(["i.id", "i.invited_by_label", "a.user_id as invited_by_user_id"])
    .where("i.email", "=", email)
    .executeTakeFirst();
}

export async function markInvitationUsed(db: Db, id: string, at: Date) {
  await db.updateTable("membership_invitations").set({ used_at: at }).where("id", "=", id).execute();
}

/** How many invitations an account sent (or renewed) since a date: the daily cap. */
export async function countInvitationsSince(db: Db, accountId: string, since: Date) {
  const row = await db
    .selectFrom("membership_invitations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("invited_by_account_id", "=", accountId)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Invitations still waiting for their colleague, newest first. */
export async function listPendingInvitations(db: Db, siret: string, type: AccountType, now: Date) {
  return validInvitations(db, siret, type, now)
    .select(["i.id", "i.email", "i.invited_by_label", "i.expires_at"])
    .orderBy("i.created_at", "desc")
    .execute();
}

/** Ends a waiting invitation now (kept for the audit trail); the email it was sent to, or null. */
export async function revokeInvitation(db: Db, id: string, siret: string, type: AccountType, now: Date) {
  const row = await db
    .updateTable("membership_invitations")
    .set({ expires_at: now })
    .where("id", "=", id)
    .where("siret", "=", siret)
    .where("type", "=", type)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("email")
    .executeTakeFirst();
  return row?.email ?? null;
}
