import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { AlgoSource } from "../../db/tables/algo.js";

type Db = Kysely<Database>;

export async function findImportBySha(db: Db, source: AlgoSource, sha256: string) {
  return db
    .selectFrom("algo_imports")
    .select(["id", "file_name", "started_at", "status"])
    .where("source", "=", source)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

export async function findImport(db: Db, id: number) {
  return db.selectFrom("algo_imports").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteImport(db: Db, id: number): Promise<void> {
  await db.deleteFrom("algo_imports").where("id", "=", id).execute();
}

export async function createImport(
  db: Db,
  row: { source: AlgoSource; fileName: string; sha256: string | null; now: Date },
): Promise<number> {
  const created = await db
    .insertInto("algo_imports")
    .values({ source: row.source, file_name: row.fileName, sha256: row.sha256, status: "loading", started_at: row.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function finishImport(
  db: Db,
  id: number,
  outcome: {
    records: number;
    skipped: number;
    rejected: number;
    unknownSirets: number;
    firstDay: string | null;
    lastDay: string | null;
    report: unknown;
    now: Date;
  },
): Promise<void> {
  await db
    .updateTable("algo_imports")
    .set({
      status: "done",
      records: outcome.records,
      skipped: outcome.skipped,
      rejected: outcome.rejected,
      unknown_sirets: outcome.unknownSirets,
      first_day: outcome.firstDay,
      last_day: outcome.lastDay,
      report: JSON.stringify(outcome.report),
      finished_at: outcome.now,
    })
    .where("id", "=", id)
    .execute();
}

/** A batch of packed event sets: the bytes of all sets travel as one bytea, cut by offsets in SQL. */
export interface EventSetBatch {
  source: "contracts" | "hires";
  importId: number;
  part: number;
  sirets: string[];
  counts: number[];
  firstDays: string[];
  lastDays: string[];
  /** Byte offset (0-based) and length of each set in `blob`. */
  offsets: number[];
  lengths: number[];
  blob: Uint8Array;
}

/**
 * Inserts a batch of event sets with one statement and a fixed number of parameters whatever its
 * size (unnest, as the Sirene loader does). The bytes of all sets travel as one hex string, decoded
 * once and cut by offsets in SQL: PGlite serialises a bytea parameter byte by byte in JavaScript
 * (≈ 5× slower for the 1.4 MB of a batch), while hex text goes through as a plain string.
 */
export async function insertEventSets(db: Db, b: EventSetBatch): Promise<void> {
  if (b.sirets.length === 0) return;
  const hex = Buffer.from(b.blob.buffer, b.blob.byteOffset, b.blob.byteLength).toString("hex");
  await sql`
    with bytes as materialized (select decode(${hex}, 'hex') as blob)
    insert into algo_event_sets (source, siret, import_id, part, event_count, first_day, last_day, events)
    select ${b.source}, u.siret, ${b.importId}::int, ${b.part}::int, u.n, u.first_day::date, u.last_day::date,
           substring(bytes.blob from u.off + 1 for u.len)
    from bytes, unnest(${b.sirets}::text[], ${b.counts}::int[], ${b.firstDays}::text[], ${b.lastDays}::text[],
                       ${b.offsets}::int[], ${b.lengths}::int[]) as u (siret, n, first_day, last_day, off, len)
  `.execute(db);
}

/** Distinct SIRETs of an import that the company directory does not know (yet). */
export async function countUnknownSirets(db: Db, importId: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(distinct s.siret)::int as n from algo_event_sets s
    where s.import_id = ${importId} and not exists (select 1 from establishments e where e.siret = s.siret)
  `.execute(db);
  return row.rows[0]?.n ?? 0;
}

/** Upserts yearly accounts (a later row for the same SIREN and year replaces the earlier one). */
export async function upsertFinances(
  db: Db,
  importId: number,
  rows: { siren: string; year: number; revenue: number | null; netResult: number | null; headcount: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  // Within one batch the last row of a (SIREN, year) wins: ON CONFLICT cannot touch a row twice.
  const last = new Map<string, (typeof rows)[number]>();
  for (const r of rows) last.set(`${r.siren}:${r.year}`, r);
  const list = [...last.values()];
  await sql`
    insert into algo_finances (siren, year, revenue, net_result, headcount, import_id)
    select u.siren, u.year, u.revenue, u.net_result, u.headcount, ${importId}::int
    from unnest(${list.map((r) => r.siren)}::text[], ${list.map((r) => r.year)}::smallint[],
                ${list.map((r) => r.revenue)}::float8[], ${list.map((r) => r.netResult)}::float8[],
                ${list.map((r) => r.headcount)}::real[]) as u (siren, year, revenue, net_result, headcount)
    on conflict (siren, year) do update set
      revenue = excluded.revenue, net_result = excluded.net_result, headcount = excluded.headcount,
      import_id = excluded.import_id
  `.execute(db);
}

/** Every import, newest first (for `algo:imports` and the admin). */
export async function listImports(db: Db) {
  return db
    .selectFrom("algo_imports")
    .select([
      "id",
      "source",
      "file_name",
      "status",
      "records",
      "skipped",
      "rejected",
      "unknown_sirets",
      "first_day",
      "last_day",
      "started_at",
    ])
    .orderBy("id", "desc")
    .execute();
}
