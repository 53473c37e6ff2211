import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import type { ApplicationsTable } from "../../db/tables/applications.js";
import { RECRUITER_TEMPLATE } from "./context.js";

export type Db = Kysely<Database>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationWithDelivery = ApplicationRow & { delivery_status: string | null };

// — Who can receive a spontaneous application (interim rules, see target.ts) —

export async function findEstablishment(db: Db, siret: string) {
  return db
    .selectFrom("establishments")
    .select(["siret", "name", "brand", "admin_state"])
    .where("siret", "=", siret)
    .executeTakeFirst();
}

/** The most recent live company account on this SIRET, with its person. */
export async function findCompanyAccountHolder(db: Db, siret: string) {
  return db
    .selectFrom("accounts as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.id as user_id", "u.email", "u.first_name", "a.company_name"])
    .where("a.siret", "=", siret)
    .where("a.type", "=", "company")
    .where("a.status", "in", ["active", "certified"])
    .where("u.disabled_at", "is", null)
    .orderBy("a.created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The company contact of the latest offer posted for this SIRET (by the company or for it). */
export async function findLatestOfferContact(db: Db, siret: string) {
  return db
    .selectFrom("offers")
    .select(["contact_email", "contact_first_name", "company_name"])
    .where("siret", "=", siret)
    .where("status", "<>", "pending")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function isCompanyUnpublished(db: Db, siret: string): Promise<boolean> {
  const row = await db
    .selectFrom("abuse_reports")
    .select("id")
    .where("siret", "=", siret)
    .where("target_kind", "=", "company")
    .where("status", "=", "unpublished")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// — Limits —

/** Serialises one candidate's applications (same address) until the transaction ends. */
export async function lockCandidate(db: Db, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`application:${email}`}))`.execute(db);
}

export async function countForTarget(db: Db, email: string, target: { offerId: string } | { siret: string }) {
  let query = db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("candidate_email", "=", email);
  query =
    "offerId" in target
      ? query.where("offer_id", "=", target.offerId)
      : query.where("target_kind", "=", "company").where("siret", "=", target.siret);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** When this address last applied to this offer (any publication period), or undefined. */
export async function findLatestForOffer(db: Db, email: string, offerId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom("applications")
    .select("created_at")
    .where("candidate_email", "=", email)
    .where("offer_id", "=", offerId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.created_at) : undefined;
}

export async function countSince(db: Db, email: string, since: Date) {
  const row = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("candidate_email", "=", email)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countInOfferCycle(db: Db, offerId: string, cycle: number) {
  const row = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("offer_id", "=", offerId)
    .where("offer_cycle", "=", cycle)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// — Applications —

export async function insertApplication(db: Db, row: Insertable<ApplicationsTable>) {
  await db.insertInto("applications").values(row).execute();
}

export async function findApplication(db: Db, id: string) {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findApplicationForUpdate(db: Db, id: string) {
  return db.selectFrom("applications").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateApplication(db: Db, id: string, changes: Updateable<ApplicationsTable>) {
  await db.updateTable("applications").set(changes).where("id", "=", id).execute();
}

/** Applications with the state of their recruiter email (sent, failed…) from the outbox. */
function withDelivery(db: Db) {
  return db
    .selectFrom("applications as a")
    .leftJoin("outbox_emails as e", "e.id", "a.recruiter_email_id")
    .selectAll("a")
    .select("e.status as delivery_status");
}

export async function listForOffer(db: Db, offerId: string): Promise<ApplicationWithDelivery[]> {
  return withDelivery(db).where("a.offer_id", "=", offerId).orderBy("a.created_at", "desc").limit(2000).execute();
}

/** Spontaneous applications to these establishments (shared by their verified members, ADR 009). */
export async function listSpontaneousForSirets(db: Db, sirets: string[]): Promise<ApplicationWithDelivery[]> {
  if (sirets.length === 0) return [];
  return withDelivery(db)
    .where("a.siret", "in", sirets)
    .where("a.target_kind", "=", "company")
    .orderBy("a.created_at", "desc")
    .limit(2000)
    .execute();
}

export async function listSpontaneousForUser(db: Db, userId: string): Promise<ApplicationWithDelivery[]> {
  return withDelivery(db)
    .where("a.recipient_user_id", "=", userId)
    .where("a.target_kind", "=", "company")
    .orderBy("a.created_at", "desc")
    .limit(2000)
    .execute();
}

// — Retention —

/**
 * Recruiter emails still holding a CV that will not be delivered: refused for good (failed,
 * cancelled), or still trying after the retention period.
 */
export async function undeliveredCvEmails(db: Db, retentionCutoff: Date) {
  return db
    .selectFrom("outbox_emails as e")
    .innerJoin("applications as a", "a.recruiter_email_id", "e.id")
    .select(["e.id as email_id", "e.status as email_status", "a.id as application_id"])
    .where("e.template", "=", RECRUITER_TEMPLATE)
    .where("e.attachments", "is not", null)
    .where((eb) =>
      eb.or([
        eb("e.status", "in", ["failed", "cancelled"]),
        eb.and([eb("e.status", "in", ["pending", "sending"]), eb("e.created_at", "<=", retentionCutoff)]),
      ]),
    )
    .limit(500)
    .execute();
}

/** Forgets the CV of an outbox email; one still pending is given up (it must not go out without it). */
export async function dropCvFromEmail(db: Db, emailId: string, reason: string) {
  await db
    .updateTable("outbox_emails")
    .set((eb) => ({
      attachments: null,
      status: sql`case when ${eb.ref("status")} in ('pending', 'sending') then 'failed' else ${eb.ref("status")} end`,
      last_error: sql`case when ${eb.ref("status")} in ('pending', 'sending') then ${reason} else ${eb.ref("last_error")} end`,
      claimed_until: null,
    }))
    .where("id", "=", emailId)
    .execute();
}

/** Strips personal data from applications created before `cutoff`; returns their ids. */
export async function anonymiseBefore(db: Db, cutoff: Date, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .updateTable("applications")
    .set({
      candidate_first_name: null,
      candidate_last_name: null,
      candidate_email: null,
      candidate_phone: null,
      message: null,
      cv_file_name: null,
      answer_message: null,
      recipient_email: null,
      anonymised_at: now,
    })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("applications")
        .select("id")
        .where("anonymised_at", "is", null)
        .where("created_at", "<", cutoff)
        .orderBy("created_at")
        .limit(limit),
    )
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Outbox emails by dedupe key (those of anonymised applications quote the candidate). */
export async function deleteEmailsByKeys(db: Db, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await db.deleteFrom("outbox_emails").where("dedupe_key", "in", keys).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function scrubReportMessagesBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db
    .updateTable("abuse_reports")
    .set({ message: null })
    .where("created_at", "<", cutoff)
    .where("message", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
