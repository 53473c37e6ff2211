import { siretProblem } from "@tremplin/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { type ImportSummary, ImportTracker } from "../../lib/import-tracker.js";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { readStockRows, type StockRow } from "../sirene/source.js";

/**
 * The public "conventions collectives par entreprise (SIRET)" file (DARES, from the DSN):
 * `SIRET;MOIS;IDCC;DATE_MAJ`, one line per establishment, month and declared agreement. An
 * establishment's agreement is the one of its latest month (then latest update).
 */
export interface IdccRecord {
  siret: string;
  idcc: number;
  month: string;
  updatedOn: string;
}

/** "2024-06", "202406", "06/2024", "2024-06-01" → "2024-06"; null otherwise. */
export function normalizeMonth(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})(?:-\d{2})?$/.exec(v);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{2})\/(\d{4})$/.exec(v);
  return m ? `${m[2]}-${m[1]}` : null;
}

/** "2024/07/15", "2024-07-15 10:00", "15/07/2024" → "2024-07-15"; "" when absent or unreadable. */
export function normalizeDay(value: string): string {
  const v = value.trim();
  let m = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : "";
}

export function mapIdccRow(row: StockRow): { record: IdccRecord } | { reject: string } {
  const siret = row.get("SIRET").trim();
  const problem = siretProblem(siret);
  if (problem) return { reject: problem === "format" ? "SIRET mal formé" : "SIRET dont la clé de contrôle est fausse" };
  const idccText = row.get("IDCC").trim();
  if (!/^\d{1,4}$/.test(idccText)) return { reject: "IDCC absent ou non numérique" };
  const month = normalizeMonth(row.get("MOIS"));
  if (!month) return { reject: "MOIS absent ou illisible (AAAA-MM attendu)" };
  return { record: { siret, idcc: Number(idccText), month, updatedOn: normalizeDay(row.get("DATE_MAJ")) } };
}

const isNewer = (a: IdccRecord, b: IdccRecord) =>
  a.month > b.month || (a.month === b.month && a.updatedOn > b.updatedOn);

/** Upserts agreements; an older month never replaces a newer one. */
export async function upsertIdccs(db: Kysely<Database>, rows: IdccRecord[]): Promise<void> {
  await sql`
    insert into establishment_idccs as t (siret, idcc, month, updated_on)
    select * from unnest(${rows.map((r) => r.siret)}::text[], ${rows.map((r) => r.idcc)}::int[],
                         ${rows.map((r) => r.month)}::text[], ${rows.map((r) => r.updatedOn)}::text[])
    on conflict (siret) do update set idcc = excluded.idcc, month = excluded.month, updated_on = excluded.updated_on
    where (excluded.month, excluded.updated_on) > (t.month, t.updated_on)
  `.execute(db);
}

/** Imports the IDCC-by-SIRET file: streams, keeps the latest line per SIRET, reports rejects. */
export async function importIdcc(
  db: Kysely<Database>,
  options: { file: string; rejectsFile?: string | undefined; progressEvery?: number; batchSize?: number },
  report: ProgressReporter = () => {},
): Promise<ImportSummary> {
  const tracker = new ImportTracker(
    options.file,
    "IDCC",
    report,
    options.progressEvery ?? 100_000,
    options.rejectsFile,
  );
  const batchSize = options.batchSize ?? 10_000;
  let batch = new Map<string, IdccRecord>();
  const flush = async () => {
    const records = [...batch.values()];
    batch = new Map();
    await upsertIdccs(db, records);
    tracker.loaded(records.length);
  };
  for await (const row of readStockRows(options.file, ["SIRET", "MOIS", "IDCC"], {
    delimiter: ";",
    upperCaseHeader: true,
  })) {
    tracker.rowRead();
    const mapped = mapIdccRow(row);
    if ("reject" in mapped) {
      tracker.reject(row.line, row.get("SIRET"), mapped.reject);
      continue;
    }
    const previous = batch.get(mapped.record.siret);
    if (!previous || isNewer(mapped.record, previous)) batch.set(mapped.record.siret, mapped.record);
    if (batch.size >= batchSize) await flush();
  }
  if (batch.size > 0) await flush();
  return tracker.finish();
}
