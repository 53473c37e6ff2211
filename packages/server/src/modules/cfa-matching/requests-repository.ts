import type { CfaAnswer } from "@tremplin/core";
import { type Insertable, sql } from "kysely";
import type { CfaRequestsTable } from "../../db/tables/cfa.js";
import type { Db } from "./catalogue-repository.js";

/** Requests with their CFA's name, city and address. */
function requestsWithCfa(db: Db) {
  return db
    .selectFrom("cfa_requests as r")
    .innerJoin("training_organisations as o", "o.siret", "r.cfa_siret")
    .selectAll("r")
    .select([
      "o.name as cfa_name",
      "o.city as cfa_city",
      "o.email as cfa_email",
      "o.requests_opted_out_at as cfa_opted_out_at",
    ]);
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function findRequest(db: Db, id: string) {
  return requestsWithCfa(db).where("r.id", "=", id).executeTakeFirst();
}

export async function findRequestForUpdate(db: Db, id: string) {
  return db.selectFrom("cfa_requests").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function listRequestsOfOffer(db: Db, offerId: string) {
  return requestsWithCfa(db)
    .where("r.offer_id", "=", offerId)
    .orderBy("r.created_at")
    .orderBy("r.distance_km")
    .execute();
}

/** Inserts the requests not made yet (one per offer and CFA); returns the new ones. */
/** The requests of an offer, by CFA (one table: the suggestions only mark those already asked). */
export async function requestStatesOfOffer(db: Db, offerId: string) {
  return db
    .selectFrom("cfa_requests")
    .select(["id", "cfa_siret", "status", "answer"])
    .where("offer_id", "=", offerId)
    .execute();
}

export async function insertRequests(db: Db, rows: Insertable<CfaRequestsTable>[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto("cfa_requests")
    .values(rows)
    .onConflict((oc) => oc.columns(["offer_id", "cfa_siret"]).doNothing())
    .returningAll()
    .execute();
}

/**
 * Moves the held requests of an offer to "sent" (or "cancelled" for a CFA that opted out or has no
 * address any more) and returns those to send. One conditional statement each: a second run finds
 * nothing, so the emails go once.
 */
export async function releaseHeldRequests(db: Db, offerId: string, now: Date) {
  await db
    .updateTable("cfa_requests")
    .set({ status: "cancelled" })
    .where("offer_id", "=", offerId)
    .where("status", "=", "held")
    .where((eb) =>
      eb(
        "cfa_siret",
        "in",
        eb
          .selectFrom("training_organisations")
          .select("siret")
          .where((w) => w.or([w("requests_opted_out_at", "is not", null), w("email", "is", null)])),
      ),
    )
    .execute();
  return db
    .updateTable("cfa_requests")
    .set({ status: "sent", sent_at: now })
    .where("offer_id", "=", offerId)
    .where("status", "=", "held")
    .returning(["id"])
    .execute();
}

/** Offers with held requests that are online now (the safety net of the publication hook). */
export async function findActiveOffersWithHeldRequests(db: Db, limit: number) {
  const rows = await db
    .selectFrom("cfa_requests as r")
    .innerJoin("offers as o", "o.id", "r.offer_id")
    .select("r.offer_id")
    .distinct()
    .where("r.status", "=", "held")
    .where("o.status", "=", "active")
    .limit(limit)
    .execute();
  return rows.map((r) => r.offer_id);
}

export async function saveAnswer(
  db: Db,
  id: string,
  answer: { answer: CfaAnswer; message: string | null; via: "link" | "space"; at: Date },
) {
  await db
    .updateTable("cfa_requests")
    .set({ answer: answer.answer, answer_message: answer.message, answered_via: answer.via, answered_at: answer.at })
    .where("id", "=", id)
    .execute();
}

/** Sent requests to these CFAs, most recent first. */
export async function listSentRequestsOfCfas(db: Db, sirets: readonly string[], limit: number) {
  if (sirets.length === 0) return [];
  return db
    .selectFrom("cfa_requests")
    .selectAll()
    .where("cfa_siret", "in", [...sirets])
    .where("status", "=", "sent")
    .orderBy("sent_at", "desc")
    .limit(limit)
    .execute();
}

export async function findOffersByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("offers")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
}

/** Whether a CFA of this SIRET has a verified member (its emails then point to its space too). */
export async function hasCfaAccount(db: Db, siret: string): Promise<boolean> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("siret", "=", siret)
    .where("type", "=", "cfa")
    .where("status", "in", ["active", "certified"])
    .where("verified_at", "is not", null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Active offers `minDays`–`maxDays` old with fewer than `fewApplications` applications, no request to
 * a CFA and no invitation yet, posted by a person (not by a CFA, who is one already).
 */
export async function findOffersToInvite(
  db: Db,
  window: { now: Date; minDays: number; maxDays: number; fewApplications: number },
) {
  const day = 86_400_000;
  return db
    .selectFrom("offers as o")
    .select(["o.id", "o.owner_user_id", "o.title", "o.company_name", "o.city", "o.rome_code", "o.lat", "o.lon"])
    .where("o.status", "=", "active")
    .where("o.owner_user_id", "is not", null)
    .where((eb) => eb.or([eb("o.intermediary_kind", "is", null), eb("o.intermediary_kind", "<>", "cfa")]))
    .where("o.created_at", "<=", new Date(window.now.getTime() - window.minDays * day))
    .where("o.created_at", ">=", new Date(window.now.getTime() - window.maxDays * day))
    .where("o.applications_count", "<", window.fewApplications)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("cfa_requests as r").select(sql`1`.as("one")).whereRef("r.offer_id", "=", "o.id"))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("cfa_matching_invitations as i").select(sql`1`.as("one")).whereRef("i.offer_id", "=", "o.id"),
        ),
      ),
    )
    .orderBy("o.created_at")
    .execute();
}

/** Records invitations; returns the offers actually recorded now (not by an earlier or parallel run). */
export async function recordInvitations(db: Db, rows: Array<{ offer_id: string; user_id: string; invited_at: Date }>) {
  if (rows.length === 0) return [];
  const saved = await db
    .insertInto("cfa_matching_invitations")
    .values(rows)
    .onConflict((oc) => oc.column("offer_id").doNothing())
    .returning("offer_id")
    .execute();
  return saved.map((s) => s.offer_id);
}
