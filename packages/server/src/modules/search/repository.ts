import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/** Every ROME fiche with its classic (parent) code: the search's in-memory ROME tree. */
export async function allRomeFiches(db: Db) {
  return db.selectFrom("rome_fiches").select(["rome_code", "parent_rome_code"]).execute();
}

export async function romeOfAppellation(db: Db, codeOgr: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("rome_appellations")
    .select("rome_code")
    .where("code_ogr", "=", codeOgr)
    .executeTakeFirst();
  return row?.rome_code;
}

export interface NearbyOffer {
  id: string;
  title: string;
  rome_code: string;
  company_name: string;
  city: string | null;
  postal_code: string | null;
  lat: number;
  lon: number;
  start_date: string | null;
  start_asap: boolean;
  contract_types: string[];
  diploma_level: number | null;
  published_at: Date;
  account_status: string | null;
  account_type: string | null;
  /** Chord distance in metres (what the GiST index orders by; monotonic with the great-circle one). */
  chord_m: number;
  distance_m: number;
}

/** Rows read beyond the page on the first try, so that ties at the page's edge are usually read at once. */
const TIE_SLACK = 16;

/**
 * Active offers of one ROME fiche within the radius, nearest first, after the cursor position, in
 * (distance, id) order — the cursor's order.
 *
 * The (rome_code, ll_to_earth) GiST index yields rows nearest-first only when the ORDER BY is the
 * distance alone: with `, o.id` PostgreSQL reads every row of the box and sorts them (123 ms for
 * K2204 around Paris at national volume, bench/README.md). So the SQL orders by distance only and
 * reads a few rows more than the page; offers at the same distance (one commune's centre) are then
 * put in id order here. A page is right once the last row read is farther than the page's last
 * row: every unread row is at least that far. Otherwise it reads four times as many and tries again.
 */
export async function nearestOffersOfRome(
  db: Db,
  q: {
    romeCode: string;
    lat: number;
    lon: number;
    radiusM: number;
    diplomaLevel: number | undefined;
    after: { chord: number; id: string } | null;
    limit: number;
  },
): Promise<NearbyOffer[]> {
  let read = q.limit + TIE_SLACK;
  for (;;) {
    const rows = await offersNearestFirst(db, q, read);
    rows.sort((a, b) => a.chord_m - b.chord_m || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = rows.slice(0, q.limit);
    const lastOfPage = page.at(-1);
    const lastRead = rows.at(-1);
    if (rows.length < read || !lastOfPage || !lastRead || lastRead.chord_m > lastOfPage.chord_m) return page;
    read *= 4;
  }
}

async function offersNearestFirst(db: Db, q: Parameters<typeof nearestOffersOfRome>[1], read: number) {
  return (await offersNearestFirstSql(q, read).execute(db)).rows;
}

/** The statement itself, nearest first by the GiST index (exported for the benchmark's EXPLAIN). */
export function offersNearestFirstSql(q: Parameters<typeof nearestOffersOfRome>[1], read: number) {
  const point = sql`ll_to_earth(${q.lat}, ${q.lon})`;
  const position = sql`ll_to_earth(o.lat, o.lon)`;
  return sql<NearbyOffer>`
    select o.id, o.title, o.rome_code, o.company_name, o.city, o.postal_code, o.lat, o.lon, o.start_date, o.start_asap,
           o.contract_types, o.diploma_level, o.published_at, a.status as account_status, a.type as account_type,
           ${position} <-> ${point} as chord_m,
           earth_distance(${position}, ${point}) as distance_m
    from offers o
    left join accounts a on a.id = o.account_id
    where o.status = 'active'
      and o.rome_code = ${q.romeCode}
      and earth_box(${point}, ${q.radiusM}) @> ${position}
      and earth_distance(${position}, ${point}) <= ${q.radiusM}
      ${q.diplomaLevel === undefined ? sql`` : sql`and (o.diploma_level is null or o.diploma_level = ${q.diplomaLevel})`}
      ${q.after ? sql`and (${position} <-> ${point} > ${q.after.chord} or (${position} <-> ${point} = ${q.after.chord} and o.id > ${q.after.id}))` : sql``}
    order by ${position} <-> ${point}
    limit ${read}
  `;
}
