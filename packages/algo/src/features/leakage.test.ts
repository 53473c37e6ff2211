import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/dataset.js";
import { CONTRACT_APP, HIRE_CDI } from "../data/events.js";
import { generateDataset } from "../generate/generate.js";
import type { AlgoReference } from "../reference/types.js";
import { testReference, withEvent } from "../test-support.js";
import { addMonths } from "../time/day.js";
import { buildFeatures, countContracts, eligibleRows, targetWindow } from "./build.js";
import { lastPublishedYear } from "./finance.js";
import type { FeatureMatrix } from "./matrix.js";

let reference: AlgoReference;
let dataset: Dataset;

beforeAll(async () => {
  reference = await testReference();
  dataset = generateDataset(reference, { establishments: 3000, years: 6, seed: 11 }).dataset;
});

function sameFeatures(a: FeatureMatrix, b: FeatureMatrix): void {
  expect(b.names).toEqual(a.names);
  a.columns.forEach((col, k) => {
    expect(Array.from(b.columns[k] as Float32Array), a.names[k]).toEqual(Array.from(col));
  });
}

describe("fenêtres de variables : rien de l'avenir", () => {
  it("une embauche plantée à la date d'observation ou après n'est jamais vue", () => {
    const asOf = addMonths(dataset.coverage.end, -12);
    const rows = eligibleRows(dataset, asOf);
    const before = buildFeatures(dataset, reference, asOf, rows, 8);
    const target = rows[0] as number;
    let planted = dataset;
    for (const day of [asOf, asOf + 1, asOf + 200, dataset.coverage.end - 1]) {
      planted = {
        ...planted,
        contracts: withEvent(planted.contracts, target, day, CONTRACT_APP),
        hires: withEvent(planted.hires, target, day, HIRE_CDI),
      };
    }
    const after = buildFeatures(planted, reference, asOf, rows, 8);
    sameFeatures(before, after);
    // The planted hires are real: the target window of the same date sees the two inside it.
    const y0 = countContracts(dataset, rows, targetWindow(asOf));
    const y1 = countContracts(planted, rows, targetWindow(asOf));
    expect((y1[0] as number) - (y0[0] as number)).toBe(2);
  });

  it("une embauche plantée la veille est vue (le test sait détecter un changement)", () => {
    const asOf = addMonths(dataset.coverage.end, -12);
    const rows = eligibleRows(dataset, asOf);
    const before = buildFeatures(dataset, reference, asOf, rows, 8);
    const planted = { ...dataset, contracts: withEvent(dataset.contracts, rows[0] as number, asOf - 1, CONTRACT_APP) };
    const after = buildFeatures(planted, reference, asOf, rows, 8);
    const k = before.names.indexOf("alt_s0");
    expect((after.columns[k] as Float32Array)[0]).toBe(((before.columns[k] as Float32Array)[0] as number) + 1);
  });

  it("des comptes pas encore publiés ne sont pas lus", () => {
    const asOf = addMonths(dataset.coverage.end, -12);
    const rows = eligibleRows(dataset, asOf);
    const f = dataset.finances;
    if (!f) throw new Error("finances attendues");
    const before = buildFeatures(dataset, reference, asOf, rows, 8);
    // Rewrite every row of a year not yet published at asOf: features must not move.
    const unpublished = lastPublishedYear(asOf) + 1;
    const revenue = Float64Array.from(f.revenue, (v, k) => ((f.years[k] as number) >= unpublished ? v * 50 : v));
    const after = buildFeatures({ ...dataset, finances: { ...f, revenue } }, reference, asOf, rows, 8);
    sameFeatures(before, after);
  });

  it("les semestres antérieurs aux données sont inconnus, pas nuls", () => {
    const asOf = addMonths(dataset.coverage.start, 24);
    const rows = eligibleRows(dataset, asOf);
    const m = buildFeatures(dataset, reference, asOf, rows, 6);
    expect(Number.isNaN((m.columns[m.names.indexOf("alt_s3")] as Float32Array)[0] as number)).toBe(false);
    expect(Number.isNaN((m.columns[m.names.indexOf("alt_s4")] as Float32Array)[0] as number)).toBe(true);
  });
});
