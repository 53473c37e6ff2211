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
    .select(["a.status as account_status", "a.type as account_type", "a.siret as account_siret"]);
}

// ---- Read by diffusion (partners' sync, export, sitemaps, feed) through shared-service.ts. ----

/**
 * Offers ever published, changed after the position (updated_at, id), in that order. A row changed
 * again meanwhile moves to the end: a partner following the cursor sees its latest state.
 */
export async function offersChangedAfter(
  db: Db,
  after: { at: Date; id: string } | null,
  since: Date | null,
  limit: number,
) {
  let query = offersWithAccount(db).where("o.published_at", "is not", null);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("o.updated_at", ">", after.at),
        eb.and([eb("o.updated_at", "=", after.at), eb("o.id", ">", after.id)]),
      ]),
    );
  } else if (since) {
    query = query.where("o.updated_at", ">", since);
  }
  return query.orderBy("o.updated_at").orderBy("o.id").limit(limit).execute();
}

/** Active offers by id, a page at a time (export). */
export async function activeOffersAfter(db: Db, afterId: string | null, limit: number) {
  let query = offersWithAccount(db).where("o.status", "=", "active");
  if (afterId) query = query.where("o.id", ">", afterId);
  return query.orderBy("o.id").limit(limit).execute();
}

/**
 * Who manages offers: the person, and the organisations they are a verified member of (ADR 009).
 * Offers are shared by the organisation whose account posted them (the company's members for its
 * own offers, the CFA's members for those it posted on behalf of companies).
 */
export interface OfferManager {
  userId: string;
  companySirets: readonly string[];
  cfaSirets: readonly string[];
}

/** The ids of the offers a manager may see and act on (one rule for offers, inbox and CVs). */
export function managedOfferIds(db: Db, manager: OfferManager) {
  return db
    .selectFrom("offers as mo")
    .select("mo.id")
    .where((eb) => {
      const byOrganisation = (type: "company" | "cfa", sirets: readonly string[]) =>
        eb(
          "mo.account_id",
          "in",
          eb.selectFrom("accounts as ma").select("ma.id").where("ma.type", "=", type).where("ma.siret", "in", sirets),
        );
      return eb.or([
        eb("mo.owner_user_id", "=", manager.userId),
        eb("mo.intermediary_user_id", "=", manager.userId),
        ...(manager.companySirets.length > 0 ? [byOrganisation("company", manager.companySirets)] : []),
        ...(manager.cfaSirets.length > 0 ? [byOrganisation("cfa", manager.cfaSirets)] : []),
      ]);
    });
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

/** Offers a person manages (see managedOfferIds), newest first. */
export async function listOffersOfManager(db: Db, manager: OfferManager) {
  return offersWithAccount(db)
    .where("o.id", "in", managedOfferIds(db, manager))
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
/**
 * A verified member leaves or is removed: the offers of their account go to a colleague (same
 * status, same applications), so that the establishment keeps them online.
 */
export async function transferOffersOfAccount(db: Db, accountId: string, to: { accountId: string; userId: string }) {
  await db
    .updateTable("offers")
    .set({
      account_id: to.accountId,
      owner_user_id: to.userId,
      // A CFA's own postings name its member as the intermediary too; a company's offer taken over from
      // a CFA keeps that CFA as its intermediary.
      intermediary_user_id: sql<
        string | null
      >`case when intermediary_user_id = owner_user_id then ${to.userId}::uuid else intermediary_user_id end`,
    })
    .where("account_id", "=", accountId)
    .execute();
}

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
