import { describe, expect, it } from "vitest";
import { type JsonArrayItem, JsonStructureError, readJsonArray } from "./json-array-reader.js";

/** Feeds the text in chunks of `size` bytes (UTF-8 characters get cut in the middle on purpose). */
async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, size = 1_000_000, keys?: string[]): Promise<JsonArrayItem[]> {
  const out: JsonArrayItem[] = [];
  for await (const item of readJsonArray(chunks(text, size), keys)) out.push(item);
  return out;
}

const tricky = [
  { id: 1, title: 'Cuisinier « chef » \\ "étoilé" ] } [ {', romes: ["G1602"], nested: { a: [1, [2, { b: "]" }]] } },
  { id: 2, title: "Boulanger\nde nuit", empty: {}, list: [] },
  { id: 3, emoji: "Pâtisserie 🍰", escaped: "\u00e9\\\\" },
];

describe("streaming JSON array reader", () => {
  it("reads every element of a top-level array, whatever the chunk boundaries", async () => {
    const text = `\ufeff  ${JSON.stringify(tricky, null, 2)}\n`;
    for (const size of [1, 2, 3, 7, 64, 1_000_000]) {
      const items = await readAll(text, size);
      expect(items.map((i) => ("value" in i ? i.value : i.error))).toEqual(tricky);
      expect(items.map((i) => i.index)).toEqual([1, 2, 3]);
    }
  });

  it("finds the array under a known key of an object, skipping arrays under other keys", async () => {
    const text = JSON.stringify({ meta: { pages: [1, 2] }, other: ["x"], results: tricky, total: 3 });
    for (const size of [1, 5, 1_000_000]) {
      const items = await readAll(text, size);
      expect(items.map((i) => ("value" in i ? i.value : null))).toEqual(tricky);
    }
  });

  it("reports a malformed element and a primitive, and goes on", async () => {
    const items = await readAll('[{"a": 1}, {"b": }, 42, "texte, avec virgule", null, {"c": [true]}]', 3);
    expect(items).toEqual([
      { index: 1, value: { a: 1 } },
      { index: 2, error: expect.stringContaining("JSON invalide") },
      { index: 3, value: 42 },
      { index: 4, value: "texte, avec virgule" },
      { index: 5, value: null },
      { index: 6, value: { c: [true] } },
    ]);
  });

  it("reads an empty array and refuses files without one, or truncated", async () => {
    expect(await readAll("[]")).toEqual([]);
    expect(await readAll('{"results": []}')).toEqual([]);
    await expect(readAll('{"formulaire": {"a": 1}}')).rejects.toThrow(JsonStructureError);
    await expect(readAll('{"other": [1, 2]}')).rejects.toThrow(/Aucune liste de formations/);
    await expect(readAll('[{"a": 1}, {"b": 2')).rejects.toThrow(/tronqué|non terminée/);
    await expect(readAll('[{"a": "jamais fermée')).rejects.toThrow(/non terminée/);
  });

  it("streams many records across small chunks, in order", async () => {
    const records = Array.from({ length: 2_000 }, (_, i) => ({ i, pad: "x".repeat(1_000) }));
    let count = 0;
    for await (const item of readJsonArray(chunks(JSON.stringify(records), 4_096))) {
      expect("value" in item && (item.value as { i: number }).i).toBe(count);
      count++;
    }
    expect(count).toBe(2_000);
  });
});
