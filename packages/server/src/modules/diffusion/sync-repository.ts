import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

type Db = Kysely<Database>;

function withAccount(db: Db) {
  return db
    .selectFrom("offers as o")
    .leftJoin("accounts as a", "a.id", "o.account_id")
    .selectAll("o")
    .select(["a.status as account_status", "a.type as account_type"]);
}

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
  let query = withAccount(db).where("o.published_at", "is not", null);
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
  let query = withAccount(db).where("o.status", "=", "active");
  if (afterId) query = query.where("o.id", ">", afterId);
  return query.orderBy("o.id").limit(limit).execute();
}

/** A fingerprint of the set of active offers: changes whenever one is added, changed or closed. */
export async function activeOffersFingerprint(db: Db): Promise<string> {
  const row = await sql<{ n: number; latest: Date | null; last_event: number | null }>`
    select (select count(*)::int from offers where status = 'active') as n,
           (select max(updated_at) from offers where status = 'active') as latest,
           (select max(id) from offer_events) as last_event
  `.execute(db);
  const r = row.rows[0];
  return `${r?.n ?? 0}-${r?.latest ? new Date(r.latest).getTime() : 0}-${r?.last_event ?? 0}`;
}

/** How many offers are active (the sitemap index: one offer sitemap per 40,000 of them). */
export async function countActiveOffers(db: Db): Promise<number> {
  const count = await db
    .selectFrom("offers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

/** The id of the active offer at that 0-based position in id order, if there is one (one indexed lookup). */
export async function activeOfferIdAt(db: Db, position: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("offers")
    .select("id")
    .where("status", "=", "active")
    .orderBy("id")
    .offset(position)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
