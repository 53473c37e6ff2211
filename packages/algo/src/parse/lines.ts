import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Opens a file as a byte stream, gunzipping `.gz` files. */
export function openFile(path: string): Readable {
  const raw = createReadStream(path);
  return path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

/**
 * Streams the lines of a file (plain or .gz; UTF-8 or, with `latin1`, ISO-8859-1), without the
 * line ending and without a leading byte-order mark. Constant memory, whatever the file size.
 */
export async function* readLines(path: string, encoding: "utf8" | "latin1" = "utf8"): AsyncGenerator<string> {
  const input = openFile(path);
  input.setEncoding(encoding);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      yield line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    } else yield line;
  }
}

/**
 * Splits one CSV line with RFC 4180 quotes ("a ""b""", c). Reference files quote labels that hold
 * commas; data extracts never quote, and go through the faster `split` instead.
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads a small delimited file into objects keyed by its header (reference files only). */
export async function readTable(path: string, delimiter: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  for await (const line of readLines(path)) {
    if (line.trim() === "") continue;
    const cells = splitCsvLine(line, delimiter);
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, k) => {
      row[name] = cells[k] ?? "";
    });
    rows.push(row);
  }
  return rows;
}
