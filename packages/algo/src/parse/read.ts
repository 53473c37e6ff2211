import type { RowOutcome } from "./common.js";
import { openFile, readLines } from "./lines.js";

/** Counts and first examples of what an import kept, skipped and refused, for its report. */
export interface ImportSummary {
  records: number;
  skipped: number;
  rejected: number;
  /** Rejection and skip reasons with their counts (reasons carry the row's value, so grouped by prefix). */
  reasons: Map<string, number>;
  examples: { line: number; reason: string }[];
}

export function emptySummary(): ImportSummary {
  return { records: 0, skipped: 0, rejected: 0, reasons: new Map(), examples: [] };
}

const MAX_EXAMPLES = 20;

/** Adds one outcome to a summary (headers are not counted as skipped rows). */
export function tally<T>(summary: ImportSummary, line: number, outcome: RowOutcome<T>): void {
  if (outcome.status === "record") {
    summary.records++;
    return;
  }
  if (outcome.reason === "ligne d'en-tête") return;
  if (outcome.status === "skipped") summary.skipped++;
  else summary.rejected++;
  // Group "SIRET 123… invalide : clé fausse" and "SIRET 456… invalide : clé fausse" together.
  const key = outcome.reason.replace(/«[^»]*»/g, "«…»").replace(/\d{9,14}/g, "…");
  summary.reasons.set(key, (summary.reasons.get(key) ?? 0) + 1);
  if (outcome.status === "rejected" && summary.examples.length < MAX_EXAMPLES)
    summary.examples.push({ line, reason: outcome.reason });
}

/**
 * Streams a data file (plain or .gz) through a row parser: yields the records and fills `summary`.
 * Blank lines are ignored. Line numbers start at 1 (the header, when there is one).
 */
export async function* readRecords<T>(
  path: string,
  parseLine: (line: string) => RowOutcome<T>,
  summary: ImportSummary = emptySummary(),
): AsyncGenerator<T> {
  let n = 0;
  for await (const line of readLines(path)) {
    n++;
    if (line.trim() === "") continue;
    const outcome = parseLine(line);
    tally(summary, n, outcome);
    if (outcome.status === "record") yield outcome.value;
  }
}

/**
 * Like readRecords, but yields records in arrays of up to `batchSize` and splits the stream into
 * lines itself: one await per batch instead of two per line, which matters for 50 M-line files.
 */
export async function* readRecordBatches<T>(
  path: string,
  parseLine: (line: string) => RowOutcome<T>,
  summary: ImportSummary = emptySummary(),
  batchSize = 10_000,
): AsyncGenerator<T[]> {
  const input = openFile(path);
  input.setEncoding("utf8");
  let n = 0;
  let rest = "";
  let batch: T[] = [];
  const take = (raw: string) => {
    n++;
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === "") return;
    const outcome = parseLine(line);
    tally(summary, n, outcome);
    if (outcome.status === "record") batch.push(outcome.value);
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    let from = 0;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", from)) {
      take(text.slice(from, at));
      from = at + 1;
    }
    rest = text.slice(from);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (rest !== "") take(rest);
  if (batch.length > 0) yield batch;
}
