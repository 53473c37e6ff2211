import { sql } from "kysely";
import type { Db } from "./repository.js";

/** When the last successful alerts:send acted as of (offers published since are new), if any. */
export async function lastRunBefore(db: Db, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom("alert_runs")
    .select("as_of")
    .where("as_of", "<", now)
    .orderBy("as_of", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.as_of) : null;
}

/**
 * Every (alert, new offer) pair, set-based in the database, into the alert_matches scratch table:
 * offers published in (since, now], still online, of one of the alert's fiches, inside its circle
 * (the GiST index on alert_fiches finds the alerts whose box holds the offer), of its diploma level,
 * published after it was confirmed, and never mailed to its address. An offer matched by two
 * alerts of one address is kept once (the nearest). Returns the number of pairs.
 */
export async function computeMatches(db: Db, since: Date, now: Date): Promise<number> {
  await sql`delete from alert_matches`.execute(db);
  const offerPoint = sql`ll_to_earth(o.lat, o.lon)`;
  const distance = sql`earth_distance(ll_to_earth(f.lat, f.lon), ${offerPoint})`;
  const result = await sql`
    insert into alert_matches (alert_id, email, offer_id, distance_m)
    select distinct on (a.email, o.id) a.id, a.email, o.id, ${distance}
    from offers o
    join alert_fiches f on f.rome_code = o.rome_code and f.area @> ${offerPoint}
    join alerts a on a.id = f.alert_id
    where o.status = 'active' and o.lat is not null and o.lon is not null
      and o.published_at > ${since} and o.published_at <= ${now}
      and a.confirmed_at is not null and o.published_at > a.confirmed_at
      and ${distance} <= f.radius_m
      and (a.diploma_level is null or o.diploma_level is null or o.diploma_level = a.diploma_level)
      and not exists (select 1 from alert_deliveries d where d.email = a.email and d.offer_id = o.id)
    order by a.email, o.id, ${distance}, a.id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The next alerts (by id) that have matches, after `afterId`. */
export async function nextMatchedAlerts(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom("alert_matches").select("alert_id").distinct().orderBy("alert_id").limit(limit);
  if (afterId !== null) query = query.where("alert_id", ">", afterId);
  return (await query.execute()).map((r) => r.alert_id);
}

export interface MatchedOffer {
  alert_id: string;
  offer_id: string;
  distance_m: number;
  title: string;
  company_name: string;
  city: string | null;
  /** How many offers matched the alert in all (the email lists `perAlert` of them). */
  total: number;
}

/** The nearest `perAlert` matches of these alerts, with what the email shows of each offer. */
export async function matchesOf(db: Db, alertIds: string[], perAlert: number): Promise<MatchedOffer[]> {
  const result = await sql<MatchedOffer>`
    select m.alert_id, m.offer_id, m.distance_m, o.title, o.company_name, o.city, m.total::int as total
    from (
      select alert_id, offer_id, distance_m,
             row_number() over (partition by alert_id order by distance_m, offer_id) as rank,
             count(*) over (partition by alert_id) as total
      from alert_matches
      where alert_id = any(${alertIds}::uuid[])
    ) m
    join offers o on o.id = m.offer_id
    where m.rank <= ${perAlert}
    order by m.alert_id, m.rank
  `.execute(db);
  return result.rows;
}

export async function alertsByIds(db: Db, ids: string[]) {
  return db.selectFrom("alerts").selectAll().where("id", "in", ids).execute();
}

/** Remembers what was mailed to which address (an offer already there is skipped). */
export async function recordDeliveries(
  db: Db,
  rows: Array<{ email: string; offerId: string; alertId: string }>,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into alert_deliveries (email, offer_id, alert_id, sent_at)
    select e, o, a, ${now}
    from unnest(${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.offerId)}::uuid[],
                ${rows.map((r) => r.alertId)}::uuid[]) as u(e, o, a)
    on conflict do nothing
  `.execute(db);
}

export async function recordRun(
  db: Db,
  run: { asOf: Date; alertsMailed: number; offersMailed: number; finishedAt: Date },
): Promise<void> {
  await db
    .insertInto("alert_runs")
    .values({
      as_of: run.asOf,
      alerts_mailed: run.alertsMailed,
      offers_mailed: run.offersMailed,
      finished_at: run.finishedAt,
    })
    .onConflict((oc) => oc.column("as_of").doNothing())
    .execute();
  await sql`delete from alert_matches`.execute(db);
}
