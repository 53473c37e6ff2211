import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetBuilder } from "../data/builder.js";
import { parseContractLine } from "../parse/contracts.js";
import { parseEstablishmentLine } from "../parse/establishments.js";
import { parseFinanceLine } from "../parse/finances.js";
import { parseHireLine } from "../parse/hires.js";
import { emptySummary, readRecords } from "../parse/read.js";
import { testReference } from "../test-support.js";
import { generateDataset } from "./generate.js";
import { writeDatasetFiles } from "./write-files.js";

describe("fichiers du jeu généré", () => {
  it("sont relus à l'identique par les importeurs", { timeout: 60_000 }, async () => {
    const reference = await testReference();
    const { dataset } = generateDataset(reference, { establishments: 800, years: 6, seed: 4 });
    const dir = await mkdtemp(path.join(tmpdir(), "algo-files-"));
    const files = await writeDatasetFiles(dir, dataset, reference);
    const builder = new DatasetBuilder(reference, dataset.coverage);
    const summary = emptySummary();
    for await (const r of readRecords(files.establishments, parseEstablishmentLine, summary))
      builder.addEstablishment(r);
    for await (const r of readRecords(files.contracts, parseContractLine, summary)) builder.addContract(r);
    for await (const r of readRecords(files.hires, parseHireLine, summary)) builder.addHire(r);
    for await (const r of readRecords(files.finances as string, parseFinanceLine, summary)) builder.addFinance(r);
    expect(summary.rejected).toBe(0);
    const back = builder.build();
    expect(back.establishments.n).toBe(800);
    expect(Array.from(back.contracts.days)).toEqual(Array.from(dataset.contracts.days));
    // Same day, several contracts: the importer orders them by kind, the generator by draw.
    const pro = (k: Uint8Array) => k.filter((x) => x === 2).length;
    expect(pro(back.contracts.kinds)).toBe(pro(dataset.contracts.kinds));
    expect(Array.from(back.hires.offsets)).toEqual(Array.from(dataset.hires.offsets));
    expect(Array.from(back.establishments.departement)).toEqual(Array.from(dataset.establishments.departement));
    expect(Array.from(back.finances?.years ?? [])).toEqual(Array.from(dataset.finances?.years ?? []));
  });
});
