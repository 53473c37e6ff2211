import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvRecords } from "./csv-records.js";

async function all(chunks: string[], delimiter = ",") {
  const out: string[][] = [];
  for await (const r of csvRecords(Readable.from(chunks.map((c) => Buffer.from(c))), delimiter)) out.push(r);
  return out;
}

describe("csvRecords", () => {
  it("splits plain lines, strips the BOM and CRLF, skips empty lines", async () => {
    expect(await all(["\ufeffa,b,c\r\n1,,3\n\n4,5,6"])).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["4", "5", "6"],
    ]);
  });

  it("handles quoted fields with delimiters, doubled quotes and line breaks, across chunks", async () => {
    const text = 'x,"RUE A, BAT B",y\nx,"il dit ""oui""",y\nx,"deux\nlignes",y\nz,w,v\n';
    const expected = [
      ["x", "RUE A, BAT B", "y"],
      ["x", 'il dit "oui"', "y"],
      ["x", "deux\nlignes", "y"],
      ["z", "w", "v"],
    ];
    expect(await all([text])).toEqual(expected);
    // Every possible cut between two chunks gives the same records.
    for (let cut = 1; cut < text.length; cut++) {
      expect(await all([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
    }
  });

  it("keeps multi-byte characters split across chunks", async () => {
    const bytes = Buffer.from("é,à\n");
    const out: string[][] = [];
    for await (const r of csvRecords(Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]))) out.push(r);
    expect(out).toEqual([["é", "à"]]);
  });

  it("reads semicolon files", async () => {
    expect(await all(["SIRET;MOIS\n1;2024-01\n"], ";")).toEqual([
      ["SIRET", "MOIS"],
      ["1", "2024-01"],
    ]);
  });
});
