import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

export interface DailyCount {
  offerId: string;
  day: string;
  impressions: number;
  views: number;
  applyClicks: number;
}

/**
 * Adds a batch of counts in one statement. Ids of offers that do not exist (a hostile click on a
 * random id) are dropped by the join instead of failing the whole batch on the foreign key.
 */
export async function addDailyCounts(db: Db, counts: DailyCount[]): Promise<void> {
  if (counts.length === 0) return;
  await sql`
    insert into offer_daily_stats (offer_id, day, impressions, views, apply_clicks)
    select u.offer_id, u.day, u.impressions, u.views, u.apply_clicks
    from unnest(${counts.map((c) => c.offerId)}::uuid[], ${counts.map((c) => c.day)}::date[],
                ${counts.map((c) => c.impressions)}::int[], ${counts.map((c) => c.views)}::int[],
                ${counts.map((c) => c.applyClicks)}::int[]) as u(offer_id, day, impressions, views, apply_clicks)
    join offers o on o.id = u.offer_id
    on conflict (offer_id, day) do update set
      impressions = offer_daily_stats.impressions + excluded.impressions,
      views = offer_daily_stats.views + excluded.views,
      apply_clicks = offer_daily_stats.apply_clicks + excluded.apply_clicks
  `.execute(db);
}

export async function dailyCounts(db: Db, offerId: string, from: string, to: string) {
  return db
    .selectFrom("offer_daily_stats")
    .select(["day", "impressions", "views", "apply_clicks"])
    .where("offer_id", "=", offerId)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .execute();
}

/** Applications to an offer per Paris day (read from the applications themselves: no counter to keep). */
export async function applicationsPerDay(db: Db, offerId: string, from: string, to: string) {
  const result = await sql<{ day: string; n: number }>`
    select to_char((created_at at time zone 'Europe/Paris')::date, 'YYYY-MM-DD') as day, count(*)::int as n
    from applications
    where offer_id = ${offerId}
      and (created_at at time zone 'Europe/Paris')::date between ${from}::date and ${to}::date
    group by 1
  `.execute(db);
  return result.rows;
}
