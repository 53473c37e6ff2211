import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/** Splits one CSV record that contains quotes (RFC 4180: "" is a quote inside a quoted field). */
function parseQuoted(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (record[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function quoteCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Streams CSV records as arrays of strings. INSEE stock files quote only the rare fields that
 * contain a comma, so a record without quotes is split directly — several times faster than a
 * general parser on 50-column rows — and only quoted records (even spanning lines) take the slow path.
 */
export async function* csvRecords(input: Readable, delimiter = ","): AsyncGenerator<string[]> {
  const decoder = new StringDecoder("utf8");
  let text = "";
  let first = true;
  const split = (line: string) => {
    const clean = line.endsWith("\r") ? line.slice(0, -1) : line;
    return clean.includes('"') ? parseQuoted(clean, delimiter) : clean.split(delimiter);
  };
  for await (const chunk of input) {
    text += decoder.write(chunk as Buffer);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    // Position of the next quote, found once: most chunks have none, and lines are split fast.
    let nextQuote = text.indexOf('"');
    for (;;) {
      let end = text.indexOf("\n", start);
      if (end < 0) break;
      if (nextQuote >= 0 && nextQuote < end) {
        // A quoted field may hold a line break: extend the record until its quotes balance.
        while (end >= 0 && quoteCount(text, start, end) % 2 === 1) end = text.indexOf("\n", end + 1);
        if (end < 0) break;
        nextQuote = text.indexOf('"', end + 1);
      }
      if (end > start) yield split(text.slice(start, end));
      start = end + 1;
    }
    text = text.slice(start);
  }
  text += decoder.end();
  if (text.length > 0 && text !== "\r") yield split(text);
}
