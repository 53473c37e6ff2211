import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

type Db = Kysely<Database>;

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
