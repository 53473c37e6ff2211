import { type Kysely, sql } from "kysely";
import type { Database } from "./database.js";

type TableName = keyof Database & string;
type Row = Record<string, unknown>;

const MAX_PARAMETERS = 30_000;

function batches<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Makes `table` hold exactly `rows`: inserts new keys, updates existing ones, deletes the others.
 * Rows that business tables point to keep their identity, so a reload never breaks a foreign key
 * unless the source really dropped a referenced row (then the load fails and says which).
 */
export async function upsertAndPrune(db: Kysely<Database>, table: TableName, key: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) {
    await sql`delete from ${sql.table(table)}`.execute(db);
    return;
  }
  const columns = Object.keys(rows[0] as Row);
  const updates = columns.filter((c) => c !== key);
  for (const batch of batches(rows, columns.length)) {
    await db
      .insertInto(table)
      .values(batch as never)
      .onConflict((oc) =>
        updates.length === 0
          ? oc.column(key as never).doNothing()
          : oc
              .column(key as never)
              .doUpdateSet(Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
  const keys = rows.map((r) => String(r[key]));
  await sql`delete from ${sql.table(table)} where not (${sql.ref(key)}::text = any(${keys}::text[]))`.execute(db);
}

/** Replaces every row of a table nothing else points to (link tables). */
export async function deleteAndInsert(db: Kysely<Database>, table: TableName, rows: Row[]): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as Row).length;
  for (const batch of batches(rows, columns)) {
    await db
      .insertInto(table)
      .values(batch as never)
      .execute();
  }
}
