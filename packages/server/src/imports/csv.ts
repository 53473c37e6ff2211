import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";

export interface CsvOptions {
  delimiter?: string;
  /** Source encoding; "latin1" for ISO-8859-1 files. */
  encoding?: BufferEncoding;
  /** Use the header line as keys (default true). */
  columns?: boolean;
  /** Lines to skip before the header, and malformed quotes to tolerate (some public files have them). */
  relaxQuotes?: boolean;
}

/** Opens a file as a byte stream, gunzipping `.gz` files. */
export function openMaybeGzip(file: string): Readable {
  const raw = createReadStream(file);
  return file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

/** Streams the records of a CSV file (plain or .gz) as objects keyed by header names. */
export function readCsv<T = Record<string, string>>(file: string, options: CsvOptions = {}): AsyncIterable<T> {
  return readCsvStream<T>(openMaybeGzip(file), options);
}

export function readCsvStream<T = Record<string, string>>(input: Readable, options: CsvOptions = {}): AsyncIterable<T> {
  const decoded =
    options.encoding && options.encoding !== "utf8" ? Readable.from(decodeChunks(input, options.encoding)) : input;
  return decoded.pipe(
    parse({
      delimiter: options.delimiter ?? ",",
      columns: options.columns ?? true,
      bom: true,
      relax_quotes: options.relaxQuotes ?? false,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }),
  ) as AsyncIterable<T>;
}

async function* decodeChunks(input: Readable, encoding: BufferEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === "latin1" ? "iso-8859-1" : encoding);
  for await (const chunk of input) yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

/** Reads a whole CSV into memory (small reference files). */
export async function readCsvAll<T = Record<string, string>>(file: string, options: CsvOptions = {}): Promise<T[]> {
  const rows: T[] = [];
  for await (const row of readCsv<T>(file, options)) rows.push(row);
  return rows;
}
