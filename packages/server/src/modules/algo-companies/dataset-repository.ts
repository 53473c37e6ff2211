import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

export type Db = Kysely<Database>;

/** Period covered by the imported contracts (first and last contract day), or null when none. */
export async function contractCoverage(db: Db): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom("algo_imports")
    .select((eb) => [eb.fn.min("first_day").as("first"), eb.fn.max("last_day").as("last")])
    .where("source", "=", "contracts")
    .where("status", "=", "done")
    .where("records", ">", 0)
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

export async function countEvents(db: Db): Promise<{ contracts: number; hires: number }> {
  const rows = await db
    .selectFrom("algo_event_sets")
    .select(["source", (eb) => eb.fn.sum<number>("event_count").as("n")])
    .groupBy("source")
    .execute();
  const of = (s: string) => Number(rows.find((r) => r.source === s)?.n ?? 0);
  return { contracts: of("contracts"), hires: of("hires") };
}

// Which directory rows the algorithm ranks: every open establishment, whatever its size band (a
// first apprentice is often a small firm's first employee, and the band is often out of date), and
// any establishment, open or closed, that has a history (the training snapshots need the closed).
const inScope = sql<boolean>`(
  e.admin_state = 'A'
  or exists (select 1 from algo_event_sets s where s.source = 'contracts' and s.siret = e.siret)
  or exists (select 1 from algo_event_sets s where s.source = 'hires' and s.siret = e.siret)
)`;

export async function countScopedEstablishments(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from establishments e where ${inScope}`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export interface ScopedEstablishmentRow {
  siret: string;
  naf_code: string | null;
  headcount_band: string | null;
  created_on: string | null;
  insee_code: string | null;
  postal_code: string | null;
  admin_state: "A" | "F";
  diffusion: "O" | "P" | "N";
}

/**
 * One page of the directory after `after`, in SIRET order, and the in-scope rows among them. The
 * page is taken from the primary key first and filtered after (the scope test is a few index probes
 * a row), so each page costs the same whatever the share of rows in scope; `last` is where the next
 * page starts, null at the end.
 */
export async function scopedEstablishmentsPage(db: Db, after: string, scan: number) {
  // The SIRETs with a history in the page's range come from two range scans of the event sets'
  // primary key, instead of two index probes per directory row.
  const rows = await sql<ScopedEstablishmentRow & { last_scanned: string }>`
    with page as materialized (
      select e.siret, e.naf_code, e.headcount_band, e.created_on, e.insee_code, e.postal_code, e.admin_state, e.diffusion
      from establishments e where e.siret > ${after} order by e.siret limit ${scan}
    ),
    bounds as (select max(siret) as last from page),
    history as (
      select distinct s.siret from algo_event_sets s, bounds b
      where s.source in ('contracts', 'hires') and s.siret > ${after} and s.siret <= b.last
    )
    select p.*, b.last as last_scanned
    from page p cross join bounds b left join history h on h.siret = p.siret
    where p.admin_state = 'A' or h.siret is not null
    order by p.siret
  `.execute(db);
  const last = rows.rows[0]?.last_scanned ?? (await lastOfPage(db, after, scan));
  return { rows: rows.rows, last };
}

/** Where a page with no row in scope ended (null when nothing is left after `after`). */
async function lastOfPage(db: Db, after: string, scan: number): Promise<string | null> {
  const row = await sql<{ last: string | null }>`
    select max(siret) as last from (select siret from establishments where siret > ${after} order by siret limit ${scan}) p
  `.execute(db);
  return row.rows[0]?.last ?? null;
}

export interface EventSetPage {
  sirets: string[];
  importIds: number[];
  parts: number[];
  lengths: number[];
  /** The sets' bytes, concatenated in the order of `sirets`. */
  bytes: Buffer;
}

/**
 * One page of event sets of a source, in (SIRET, import, part) order, after the given key. The
 * bytes come back as one hex string for the whole page: PGlite parses a bytea column byte by byte
 * in JavaScript (≈ 9× slower than one string decoded natively by Buffer).
 */
export async function eventSetsPage(
  db: Db,
  source: "contracts" | "hires",
  after: { siret: string; importId: number; part: number },
  limit: number,
): Promise<EventSetPage> {
  const rows = await sql<{
    sirets: string[] | null;
    import_ids: number[];
    parts: number[];
    lengths: number[];
    hex: string | null;
  }>`
    select array_agg(siret order by siret, import_id, part) as sirets,
           array_agg(import_id order by siret, import_id, part) as import_ids,
           array_agg(part order by siret, import_id, part) as parts,
           array_agg(length(events) order by siret, import_id, part) as lengths,
           string_agg(encode(events, 'hex'), '' order by siret, import_id, part) as hex
    from (
      select siret, import_id, part, events from algo_event_sets
      where source = ${source} and (siret, import_id, part) > (${after.siret}, ${after.importId}::int, ${after.part}::int)
      order by siret, import_id, part
      limit ${limit}
    ) page
  `.execute(db);
  const r = rows.rows[0];
  if (!r?.sirets) return { sirets: [], importIds: [], parts: [], lengths: [], bytes: Buffer.alloc(0) };
  return {
    sirets: r.sirets,
    importIds: r.import_ids,
    parts: r.parts,
    lengths: r.lengths,
    bytes: Buffer.from(r.hex ?? "", "hex"),
  };
}

/** One page of yearly accounts in (SIREN, year) order. */
export async function financesPage(db: Db, after: { siren: string; year: number }, limit: number) {
  return db
    .selectFrom("algo_finances")
    .select(["siren", "year", "revenue", "net_result", "headcount"])
    .where(sql<boolean>`(siren, year) > (${after.siren}, ${after.year}::smallint)`)
    .orderBy("siren")
    .orderBy("year")
    .limit(limit)
    .execute();
}

export async function delistedSirets(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("algo_delistings").select("siret").execute();
  return rows.map((r) => r.siret);
}
