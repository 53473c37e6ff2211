import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { DelistingStatus, ListingStatus } from "../../db/tables/algo.js";

export type Db = Kysely<Database>;

export async function findDelisting(db: Db, siret: string) {
  return db.selectFrom("algo_delistings").selectAll().where("siret", "=", siret).executeTakeFirst();
}

export async function insertDelisting(
  db: Db,
  row: { siret: string; reason: string; origin: "company" | "admin"; requestId: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto("algo_delistings")
    .values({
      siret: row.siret,
      reason: row.reason,
      origin: row.origin,
      request_id: row.requestId,
      created_at: row.now,
    })
    .onConflict((oc) => oc.column("siret").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteDelisting(db: Db, siret: string): Promise<void> {
  await db.deleteFrom("algo_delistings").where("siret", "=", siret).execute();
}

export async function insertDelistingRequest(
  db: Db,
  row: {
    siret: string;
    companyName: string | null;
    email: string;
    reason: string;
    status: DelistingStatus;
    tokenHash: string | null;
    tokenExpiresAt: Date | null;
    now: Date;
  },
): Promise<string> {
  const created = await db
    .insertInto("algo_delisting_requests")
    .values({
      siret: row.siret,
      company_name: row.companyName,
      email: row.email,
      reason: row.reason,
      status: row.status,
      token_hash: row.tokenHash,
      token_expires_at: row.tokenExpiresAt,
      created_at: row.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function findDelistingRequest(db: Db, id: string) {
  return db.selectFrom("algo_delisting_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The request of a token, locked until the end of the transaction (two clicks at once apply once). */
export async function lockDelistingRequestByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom("algo_delisting_requests")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockDelistingRequest(db: Db, id: string) {
  return db.selectFrom("algo_delisting_requests").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function decideDelistingRequest(
  db: Db,
  id: string,
  decision: { status: "done" | "refused"; by: string; reason: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable("algo_delisting_requests")
    .set({
      status: decision.status,
      decided_by: decision.by,
      decision_reason: decision.reason,
      decided_at: decision.now,
    })
    .where("id", "=", id)
    .execute();
}

export async function listDelistingRequests(db: Db, options: { open: boolean; limit: number }) {
  let q = db.selectFrom("algo_delisting_requests").selectAll();
  if (options.open) q = q.where("status", "=", "pending_review");
  return q
    .orderBy("created_at", options.open ? "asc" : "desc")
    .limit(options.limit)
    .execute();
}

export async function insertListingRequest(
  db: Db,
  row: {
    siret: string;
    companyName: string | null;
    opcoId: string | null;
    contact: { firstName: string; lastName: string; email: string; phone: string };
    romes: string[];
    message: string | null;
    now: Date;
  },
): Promise<string> {
  const created = await db
    .insertInto("algo_listing_requests")
    .values({
      siret: row.siret,
      company_name: row.companyName,
      opco_id: row.opcoId,
      contact_first_name: row.contact.firstName,
      contact_last_name: row.contact.lastName,
      contact_email: row.contact.email,
      contact_phone: row.contact.phone,
      rome_codes: row.romes,
      message: row.message,
      status: "pending",
      created_at: row.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

const listingColumns = [
  "r.id",
  "r.siret",
  "r.company_name",
  "r.opco_id",
  "o.name as opco_name",
  "r.contact_first_name",
  "r.contact_last_name",
  "r.contact_email",
  "r.contact_phone",
  "r.rome_codes",
  "r.message",
  "r.status",
  "r.decided_by",
  "r.decision_reason",
  "r.decided_at",
  "r.created_at",
] as const;

export type ListingRequestRow = Awaited<ReturnType<typeof findListingRequest>> & {};

/** A listing request; with `opcoId`, only if it belongs to that OPCO's perimeter. */
export async function findListingRequest(db: Db, id: string, opcoId?: string, lock = false) {
  let q = db
    .selectFrom("algo_listing_requests as r")
    .leftJoin("opcos as o", "o.id", "r.opco_id")
    .select(listingColumns)
    .where("r.id", "=", id);
  if (opcoId !== undefined) q = q.where("r.opco_id", "=", opcoId);
  return lock ? q.forUpdate("r").executeTakeFirst() : q.executeTakeFirst();
}

export async function listListingRequests(db: Db, options: { open: boolean; limit: number; opcoId?: string }) {
  let q = db
    .selectFrom("algo_listing_requests as r")
    .leftJoin("opcos as o", "o.id", "r.opco_id")
    .select(listingColumns);
  if (options.open) q = q.where("r.status", "=", "pending");
  if (options.opcoId !== undefined) q = q.where("r.opco_id", "=", options.opcoId);
  return q
    .orderBy("r.created_at", options.open ? "asc" : "desc")
    .limit(options.limit)
    .execute();
}

export async function decideListingRequest(
  db: Db,
  id: string,
  decision: { status: Exclude<ListingStatus, "pending">; by: string; reason: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable("algo_listing_requests")
    .set({
      status: decision.status,
      decided_by: decision.by,
      decision_reason: decision.reason,
      decided_at: decision.now,
    })
    .where("id", "=", id)
    .execute();
}

export async function logCompanyEvent(
  db: Db,
  event: { siret: string; actor: string; action: string; details?: unknown; now: Date },
): Promise<void> {
  await db
    .insertInto("algo_company_events")
    .values({
      siret: event.siret,
      actor: event.actor,
      action: event.action,
      details: event.details === undefined ? null : JSON.stringify(event.details),
      created_at: event.now,
    })
    .execute();
}
