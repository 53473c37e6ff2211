import { StringDecoder } from "node:string_decoder";

/** One element of the records array: parsed, or the reason it could not be. */
export type JsonArrayItem = { index: number; value: unknown } | { index: number; error: string };

export class JsonStructureError extends Error {
  override name = "JsonStructureError";
}

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

/**
 * Streams the elements of a JSON array without holding the file in memory: the file is either the
 * array itself (`[ {...}, ... ]`, the catalogue's export) or an object with the array under one of
 * `keys` (`{ "results": [ ... ] }`, the La bonne alternance API). Each element is cut out by
 * scanning brackets and strings, then given to JSON.parse alone, so a malformed record is reported
 * and skipped while the rest goes on; a broken file structure stops the reading with its position.
 */
export async function* readJsonArray(
  input: AsyncIterable<Buffer | string>,
  keys: readonly string[] = ["results", "formations", "data", "items"],
): AsyncGenerator<JsonArrayItem> {
  const decoder = new StringDecoder("utf8");
  let buffer = "";
  let offset = 0; // characters of the file before buffer[0], for error positions
  let depth = 0;
  let recordsDepth = -1; // depth inside the records array, once found
  let done = false; // the records array is closed
  let elementStart = -1;
  let elementDepth = 0;
  let index = 0;
  let lastKey: string | null = null; // last string read at depth 1 of a top-level object
  let pendingKey: string | null = null;
  let pos = 0;

  const emit = (text: string): JsonArrayItem => {
    index++;
    try {
      return { index, value: JSON.parse(text) };
    } catch (error) {
      return { index, error: `JSON invalide : ${(error as Error).message}` };
    }
  };

  const scan = function* (final: boolean): Generator<JsonArrayItem> {
    while (pos < buffer.length) {
      const c = buffer.charCodeAt(pos);
      if (c === QUOTE) {
        // Jump to the closing quote (not preceded by an odd number of backslashes).
        let end = buffer.indexOf('"', pos + 1);
        while (end !== -1) {
          let slashes = 0;
          while (buffer.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
          if (slashes % 2 === 0) break;
          end = buffer.indexOf('"', end + 1);
        }
        if (end === -1) {
          if (final) throw new JsonStructureError(`Chaîne non terminée (caractère ${offset + pos}).`);
          return; // wait for more text
        }
        if (recordsDepth === -1 && depth === 1) pendingKey = JSON.parse(buffer.slice(pos, end + 1)) as string;
        else if (recordsDepth !== -1 && !done && depth === recordsDepth && elementStart === -1) {
          elementStart = pos; // a string element: ends at the next comma or bracket
          elementDepth = depth;
        }
        pos = end + 1;
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (recordsDepth !== -1 && !done && depth === recordsDepth && elementStart === -1) {
          elementStart = pos;
          elementDepth = depth;
        }
        depth++;
        if (
          recordsDepth === -1 &&
          c === OPEN_ARRAY &&
          (depth === 1 || (depth === 2 && lastKey !== null && keys.includes(lastKey)))
        ) {
          recordsDepth = depth;
        }
        pos++;
        continue;
      }
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 0)
          throw new JsonStructureError(`« ${String.fromCharCode(c)} » en trop (caractère ${offset + pos}).`);
        if (recordsDepth !== -1 && !done && depth === recordsDepth && elementStart !== -1) {
          yield emit(buffer.slice(elementStart, pos)); // a primitive element before "]"
          elementStart = -1;
        }
        depth--;
        pos++;
        if (recordsDepth !== -1 && !done && elementStart !== -1 && depth === elementDepth) {
          yield emit(buffer.slice(elementStart, pos));
          elementStart = -1;
        }
        if (recordsDepth !== -1 && depth === recordsDepth - 1) done = true;
        continue;
      }
      if (c === COLON && recordsDepth === -1 && depth === 1) lastKey = pendingKey;
      else if (c === COMMA) {
        if (recordsDepth === -1 && depth === 1) lastKey = null;
        if (recordsDepth !== -1 && !done && depth === recordsDepth && elementStart !== -1) {
          yield emit(buffer.slice(elementStart, pos));
          elementStart = -1;
        }
      } else if (!isSpace(c) && recordsDepth !== -1 && !done && depth === recordsDepth && elementStart === -1) {
        elementStart = pos; // number, true, false, null
        elementDepth = depth;
      }
      pos++;
    }
  };

  const compact = () => {
    // Keep only the element being read (or nothing) so that memory stays one record wide.
    const keep = elementStart !== -1 ? elementStart : pos;
    if (keep > 0) {
      buffer = buffer.slice(keep);
      offset += keep;
      pos -= keep;
      if (elementStart !== -1) elementStart = 0;
    }
  };

  for await (const chunk of input) {
    buffer += typeof chunk === "string" ? chunk : decoder.write(chunk);
    yield* scan(false);
    compact();
  }
  buffer += decoder.end();
  yield* scan(true);
  if (recordsDepth === -1) {
    throw new JsonStructureError(
      `Aucune liste de formations dans ce fichier : attendu un tableau JSON, ou un objet avec une clé ${keys.map((k) => `« ${k} »`).join(", ")}.`,
    );
  }
  if (!done || depth !== 0)
    throw new JsonStructureError("Fichier JSON tronqué : le tableau des formations n'est pas fermé.");
}
