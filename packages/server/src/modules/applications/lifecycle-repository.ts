import type { ApplicationStatus } from "@tremplin/core";
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { ApplicationWithDelivery } from "./repository.js";

type Db = Kysely<Database>;

/**
 * Who received what: the offers a person manages (a subquery of offer ids, the offers module's rule),
 * and the spontaneous applications of the company SIRETs they are a verified member of.
 */
export interface InboxScope {
  // biome-ignore lint/suspicious/noExplicitAny: a subquery of offer ids built by the offers module
  offerIds: SelectQueryBuilder<any, any, { id: string }>;
  sirets: readonly string[];
}

export interface InboxFilter {
  status?: ApplicationStatus | undefined;
  offerId?: string | undefined;
  kind?: "offer" | "company" | undefined;
}

function inScope(scope: InboxScope) {
  return (eb: ExpressionBuilder<Database & { a: Database["applications"] }, "a">) =>
    eb.or([
      eb("a.offer_id", "in", scope.offerIds),
      ...(scope.sirets.length > 0
        ? [eb.and([eb("a.target_kind", "=", "company"), eb("a.siret", "in", scope.sirets)])]
        : []),
    ]);
}

function inbox(db: Db, scope: InboxScope, filter: InboxFilter) {
  let query = db.selectFrom("applications as a").where(inScope(scope));
  if (filter.offerId) query = query.where("a.offer_id", "=", filter.offerId);
  if (filter.kind) query = query.where("a.target_kind", "=", filter.kind);
  return query;
}

/** A page of the inbox, newest first, after the (created_at, id) cursor. */
export async function listReceived(
  db: Db,
  scope: InboxScope,
  filter: InboxFilter,
  after: { createdAt: Date; id: string } | null,
  limit: number,
) {
  let query = inbox(db, scope, filter)
    .leftJoin("outbox_emails as e", "e.id", "a.recruiter_email_id")
    .leftJoin("application_cvs as cv", "cv.application_id", "a.id")
    .selectAll("a")
    .select(["e.status as delivery_status", "cv.application_id as cv_kept"]);
  if (filter.status) query = query.where("a.status", "=", filter.status);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("a.created_at", "<", after.createdAt),
        eb.and([eb("a.created_at", "=", after.createdAt), eb("a.id", "<", after.id)]),
      ]),
    );
  }
  return query.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(limit).execute();
}
export type ReceivedRow = ApplicationWithDelivery & { cv_kept: string | null };

export async function countReceivedByStatus(db: Db, scope: InboxScope, filter: InboxFilter) {
  return inbox(db, scope, { ...filter, status: undefined })
    .select(["a.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("a.status")
    .execute();
}

/** The offers that received applications in this inbox (for the filter). */
export async function offersOfInbox(db: Db, scope: InboxScope) {
  return db
    .selectFrom("offers as o")
    .select(["o.id", "o.title", "o.status"])
    .where("o.id", "in", scope.offerIds)
    .where((eb) => eb.exists(eb.selectFrom("applications as a").select("a.id").whereRef("a.offer_id", "=", "o.id")))
    .orderBy("o.created_at", "desc")
    .limit(200)
    .execute();
}

/** One application of the inbox, or undefined when it is not the person's (same rule as the list). */
export async function findReceived(db: Db, scope: InboxScope, id: string, lock = false) {
  let query = db.selectFrom("applications as a").selectAll("a").where("a.id", "=", id).where(inScope(scope));
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findReceivedWithDelivery(db: Db, id: string): Promise<ReceivedRow | undefined> {
  return db
    .selectFrom("applications as a")
    .leftJoin("outbox_emails as e", "e.id", "a.recruiter_email_id")
    .leftJoin("application_cvs as cv", "cv.application_id", "a.id")
    .selectAll("a")
    .select(["e.status as delivery_status", "cv.application_id as cv_kept"])
    .where("a.id", "=", id)
    .executeTakeFirst();
}

export async function setNote(db: Db, id: string, note: string | null) {
  await db.updateTable("applications").set({ recruiter_note: note }).where("id", "=", id).execute();
}

/** Applications marked hired for an offer (to offer closing it when its positions are filled). */
export async function countHired(db: Db, offerId: string): Promise<number> {
  const row = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("offer_id", "=", offerId)
    .where("status", "=", "hired")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function offerPositions(db: Db, offerId: string) {
  return db
    .selectFrom("offers")
    .select(["id", "title", "positions", "status"])
    .where("id", "=", offerId)
    .executeTakeFirst();
}

// — The candidate's side —

export async function listSent(db: Db, email: string) {
  return db
    .selectFrom("applications as a")
    .leftJoin("offers as o", "o.id", "a.offer_id")
    .selectAll("a")
    .select(["o.status as offer_status", "o.expires_at as offer_expires_at"])
    .where("a.candidate_email", "=", email)
    .where("a.anonymised_at", "is", null)
    .orderBy("a.created_at", "desc")
    .limit(500)
    .execute();
}
export type SentRow = Awaited<ReturnType<typeof listSent>>[number];

export async function findSentForUpdate(db: Db, email: string, id: string) {
  return db
    .selectFrom("applications")
    .selectAll()
    .where("id", "=", id)
    .where("candidate_email", "=", email)
    .where("anonymised_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
}

export async function findSent(db: Db, email: string, id: string): Promise<SentRow | undefined> {
  return db
    .selectFrom("applications as a")
    .leftJoin("offers as o", "o.id", "a.offer_id")
    .selectAll("a")
    .select(["o.status as offer_status", "o.expires_at as offer_expires_at"])
    .where("a.id", "=", id)
    .where("a.candidate_email", "=", email)
    .executeTakeFirst();
}

export async function applicationIdsOf(db: Db, email: string): Promise<string[]> {
  const rows = await db.selectFrom("applications").select("id").where("candidate_email", "=", email).execute();
  return rows.map((r) => r.id);
}

/** Strips personal data of these applications now (the candidate erased their data). */
export async function anonymiseIds(db: Db, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await db
    .updateTable("applications")
    .set({
      candidate_first_name: null,
      candidate_last_name: null,
      candidate_email: null,
      candidate_phone: null,
      message: null,
      cv_file_name: null,
      answer_message: null,
      recruiter_note: null,
      anonymised_at: now,
    })
    .where("id", "in", ids)
    .execute();
}

// — CVs kept for the inbox —

export async function insertCv(
  db: Db,
  cv: {
    applicationId: string;
    fileName: string;
    contentType: string;
    iv: Buffer;
    authTag: Buffer;
    ciphertext: Buffer;
    now: Date;
    deleteAfter: Date;
  },
) {
  await db
    .insertInto("application_cvs")
    .values({
      application_id: cv.applicationId,
      file_name: cv.fileName,
      content_type: cv.contentType,
      iv: cv.iv,
      auth_tag: cv.authTag,
      ciphertext: cv.ciphertext,
      created_at: cv.now,
      delete_after: cv.deleteAfter,
    })
    .execute();
}

export async function findCv(db: Db, applicationId: string) {
  return db.selectFrom("application_cvs").selectAll().where("application_id", "=", applicationId).executeTakeFirst();
}

export async function deleteCvs(db: Db, applicationIds: string[]): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const result = await db
    .deleteFrom("application_cvs")
    .where("application_id", "in", applicationIds)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredCvs(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom("application_cvs").where("delete_after", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// — Jobs —

/** The application's email with this key suffix (emailKeys) exists already: skip it without building it again. */
function mailed(eb: ExpressionBuilder<Database & { a: Database["applications"] }, "a">, suffix: string) {
  return eb
    .selectFrom("outbox_emails as m")
    .select("m.id")
    .where("m.dedupe_key", "=", sql<string>`'application:' || a.id || ${`:${suffix}`}`);
}

/** Applications awaiting an answer, sent between `from` and `to`, whose email reached the recruiter. */
export async function awaitingSentBetween(db: Db, from: Date, to: Date, limit: number, unlessMailed: string) {
  return db
    .selectFrom("applications as a")
    .where((eb) => eb.not(eb.exists(mailed(eb, unlessMailed))))
    .innerJoin("outbox_emails as e", "e.id", "a.recruiter_email_id")
    .selectAll("a")
    .where("a.status", "in", ["new", "seen"])
    .where("a.created_at", ">", from)
    .where("a.created_at", "<=", to)
    .where("a.anonymised_at", "is", null)
    .where("a.recipient_email", "is not", null)
    .where("e.status", "=", "sent")
    .orderBy("a.created_at")
    .limit(limit)
    .execute();
}

/** Applications still open whose offer has since been filled, withdrawn or has expired. */
export async function openOnClosedOffers(db: Db, since: Date, limit: number) {
  return db
    .selectFrom("applications as a")
    .innerJoin("offers as o", "o.id", "a.offer_id")
    .selectAll("a")
    .select(["o.status as offer_status"])
    .where("a.status", "in", ["new", "seen", "interview"])
    .where("o.status", "in", ["filled", "expired", "cancelled"])
    .where("a.created_at", ">", since)
    .where("a.anonymised_at", "is", null)
    .where("a.candidate_email", "is not", null)
    .where((eb) => eb.not(eb.exists(mailed(eb, "offer-closed"))))
    .limit(limit)
    .execute();
}

/** Up to `limit` active offers of the same job near a point, the nearest first (similar offers). */
export async function similarOffers(
  db: Db,
  near: { lat: number; lon: number },
  romeCode: string | null,
  excludeOfferId: string | null,
  limit: number,
) {
  let query = db
    .selectFrom("offers")
    .select(["id", "title", "company_name", "city"])
    .where("status", "=", "active")
    .where("lat", "is not", null)
    .where(sql<boolean>`earth_box(ll_to_earth(${near.lat}, ${near.lon}), 30000) @> ll_to_earth(lat, lon)`);
  if (romeCode) query = query.where("rome_code", "=", romeCode);
  if (excludeOfferId) query = query.where("id", "<>", excludeOfferId);
  return query
    .orderBy(sql`earth_distance(ll_to_earth(${near.lat}, ${near.lon}), ll_to_earth(lat, lon))`)
    .limit(limit)
    .execute();
}

/** Where an application's target is and its job (offer), or the establishment's place (spontaneous). */
export async function targetPlace(db: Db, row: { offer_id: string | null; siret: string }) {
  if (row.offer_id) {
    const offer = await db
      .selectFrom("offers")
      .select(["lat", "lon", "rome_code"])
      .where("id", "=", row.offer_id)
      .executeTakeFirst();
    return offer?.lat != null && offer.lon != null
      ? { lat: offer.lat, lon: offer.lon, romeCode: offer.rome_code }
      : null;
  }
  const place = await db
    .selectFrom("establishments")
    .select(["lat", "lon"])
    .where("siret", "=", row.siret)
    .executeTakeFirst();
  return place?.lat != null && place.lon != null ? { lat: place.lat, lon: place.lon, romeCode: null } : null;
}
