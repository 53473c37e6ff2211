import type { OfferStatus } from "@tremplin/core";
import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import type { OffersTable } from "../../db/tables/offers.js";

export type Db = Kysely<Database>;

/** Offers with the status of the account they belong to (for the OPCO-certified badge). */
function offersWithAccount(db: Db) {
  return db
    .selectFrom("offers as o")
    .leftJoin("accounts as a", "a.id", "o.account_id")
    .selectAll("o")
    .select(["a.status as account_status", "a.type as account_type"]);
}

export async function insertOffer(db: Db, offer: Insertable<OffersTable>) {
  return db.insertInto("offers").values(offer).returning("id").executeTakeFirstOrThrow();
}

export async function findOffer(db: Db, id: string) {
  return offersWithAccount(db).where("o.id", "=", id).executeTakeFirst();
}

export async function findByExternalId(db: Db, apiKeyId: string, externalId: string) {
  return db
    .selectFrom("offers")
    .select("id")
    .where("api_key_id", "=", apiKeyId)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
}

export async function findOfferForUpdate(db: Db, id: string) {
  return db.selectFrom("offers").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateOffer(db: Db, id: string, changes: Updateable<OffersTable>) {
  await db.updateTable("offers").set(changes).where("id", "=", id).execute();
}

/** Offers a person manages: theirs, and those posted for a company by them as an intermediary. */
export async function listOffersOfUser(db: Db, userId: string) {
  return offersWithAccount(db)
    .where((eb) => eb.or([eb("o.owner_user_id", "=", userId), eb("o.intermediary_user_id", "=", userId)]))
    .orderBy("o.created_at", "desc")
    .limit(500)
    .execute();
}

export async function incrementViews(db: Db, id: string) {
  await db
    .updateTable("offers")
    .set({ views: sql`views + 1` })
    .where("id", "=", id)
    .where("status", "=", "active")
    .execute();
}

/** Active offers whose expiry falls within `horizonMs` after `now` (reminder candidates). */
export async function findOffersExpiringBefore(db: Db, now: Date, horizon: Date) {
  return db
    .selectFrom("offers")
    .selectAll()
    .where("status", "=", "active")
    .where("expires_at", ">", now)
    .where("expires_at", "<=", horizon)
    .orderBy("expires_at")
    .execute();
}

/** Moves every active offer past its expiry to "expired", returning them (one statement: idempotent). */
export async function expireDueOffers(db: Db, now: Date) {
  return db
    .updateTable("offers")
    .set({ status: "expired", closed_at: now, updated_at: now })
    .where("status", "=", "active")
    .where("expires_at", "<=", now)
    .returningAll()
    .execute();
}

/** Account published again: its pending offers go live for a fresh period; returns their ids. */
export async function publishPendingOffersOfAccount(db: Db, accountId: string, now: Date, expiresAt: Date) {
  const published = await db
    .updateTable("offers")
    .set({
      status: "active",
      published_at: now,
      expires_at: expiresAt,
      updated_at: now,
      expiry_cycle: sql`expiry_cycle + 1`,
    })
    .where("account_id", "=", accountId)
    .where("status", "=", "pending")
    .returning("id")
    .execute();
  return published.map((o) => o.id);
}

/** Account rejected or disabled: its live offers are hidden (pending) until it is cleared. */
export async function hideActiveOffersOfAccount(db: Db, accountId: string, now: Date) {
  await db
    .updateTable("offers")
    .set({ status: "pending", updated_at: now })
    .where("account_id", "=", accountId)
    .where("status", "=", "active")
    .execute();
}

export async function findUserAccounts(db: Db, userId: string) {
  return db
    .selectFrom("accounts")
    .selectAll()
    .where("user_id", "=", userId)
    .where("status", "<>", "disabled")
    .orderBy("created_at")
    .execute();
}

export async function findCommuneCentre(db: Db, inseeCode: string) {
  return db
    .selectFrom("communes")
    .select(["lat", "lon", "name"])
    .where("insee_code", "=", inseeCode)
    .executeTakeFirst();
}

/** The offers of an establishment that are online now, newest first. */
export async function activeOffersOfSiret(db: Db, siret: string, limit: number) {
  return db
    .selectFrom("offers")
    .select(["id", "title", "city"])
    .where("siret", "=", siret)
    .where("status", "=", "active")
    .orderBy("published_at", "desc")
    .limit(limit)
    .execute();
}

export async function partnerCompaniesOf(db: Db, userId: string) {
  return db
    .selectFrom("offers")
    .select([
      "siret",
      sql<string>`max(company_name)`.as("name"),
      sql<string | null>`max(city)`.as("city"),
      sql<string>`(array_agg(contact_first_name order by created_at desc))[1]`.as("first_name"),
      sql<string>`(array_agg(contact_last_name order by created_at desc))[1]`.as("last_name"),
      sql<string>`(array_agg(contact_email order by created_at desc))[1]`.as("email"),
      sql<string | null>`(array_agg(contact_phone order by created_at desc))[1]`.as("phone"),
      sql<number>`count(*) filter (where status = 'active')::int`.as("active_offers"),
      sql<number>`count(*)::int`.as("total_offers"),
      sql<Date>`max(created_at)`.as("last_offer_at"),
    ])
    .where("intermediary_user_id", "=", userId)
    .groupBy("siret")
    .orderBy(sql`max(created_at)`, "desc")
    .execute();
}

/** Counts one more application (called by the applications module, in its transaction); returns the total. */
export async function incrementApplicationsCount(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable("offers")
    .set({ applications_count: sql`applications_count + 1` })
    .where("id", "=", id)
    .returning("applications_count")
    .executeTakeFirstOrThrow();
  return row.applications_count;
}

/**
 * Takes an offer offline once it has received OFFER_MAX_APPLICATIONS in its publication period (the
 * applications module decides when). It becomes "expired" rather than a new status, so that the
 * lifecycle stays whole: search and feeds drop it, and the recruiter can put it back online
 * (extend) to receive more.
 */
export async function closeOfferAsFull(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable("offers")
    .set({ status: "expired", closed_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "active")
    .execute();
}

export type OfferStatusValue = OfferStatus;
