import { isValidSiret } from "@tremplin/core/rules/siret";
import { beforeAll, describe, expect, it } from "vitest";
import { siretString } from "../data/establishments.js";
import type { AlgoReference } from "../reference/types.js";
import { testReference } from "../test-support.js";
import { halfYearBefore } from "../time/day.js";
import { scenarios } from "./assumptions.js";
import { generateDataset } from "./generate.js";
import { AliasTable, Rng } from "./rng.js";

let reference: AlgoReference;
beforeAll(async () => {
  reference = await testReference();
});

describe("générateur", () => {
  it("est reproductible et produit des SIRET valides et distincts", () => {
    const a = generateDataset(reference, { establishments: 2000, years: 6, seed: 5 });
    const b = generateDataset(reference, { establishments: 2000, years: 6, seed: 5 });
    expect(Array.from(b.dataset.contracts.days)).toEqual(Array.from(a.dataset.contracts.days));
    const sirets = Array.from({ length: 2000 }, (_, i) => siretString(a.dataset.establishments, i));
    expect(sirets.every(isValidSiret)).toBe(true);
    expect(new Set(sirets).size).toBe(2000);
    const c = generateDataset(reference, { establishments: 2000, years: 6, seed: 6 });
    expect(c.dataset.contracts.days.length).not.toBe(a.dataset.contracts.days.length);
  });

  it("vise le volume national et l'oracle est l'espérance des embauches réalisées", () => {
    const g = generateDataset(reference, { establishments: 20000, years: 6, seed: 9 });
    const perYear = g.dataset.contracts.days.length / 20000 / 6;
    expect(perYear).toBeGreaterThan(0.4);
    expect(perYear).toBeLessThan(0.7);
    let expected = 0;
    let realised = 0;
    for (let k = 0; k < 12; k++) {
      const w = halfYearBefore(g.dataset.coverage.end, k);
      for (const v of g.oracle(w)) expected += v;
      for (const d of g.dataset.contracts.days) if (d >= w.start && d < w.end) realised++;
    }
    expect(realised / expected).toBeGreaterThan(0.95);
    expect(realised / expected).toBeLessThan(1.05);
  });

  it("la saisonnalité forte concentre les contrats sur la rentrée", () => {
    const share = (name: string) => {
      const g = generateDataset(reference, { establishments: 5000, years: 2, seed: 2, assumptions: scenarios[name] });
      let autumn = 0;
      for (const d of g.dataset.contracts.days) {
        const m = new Date(d * 86_400_000).getUTCMonth();
        if (m >= 7 && m <= 9) autumn++;
      }
      return autumn / g.dataset.contracts.days.length;
    };
    expect(share("saisonnalite")).toBeGreaterThan(share("reference"));
  });

  it("tirages : table d'alias et loi de Poisson", () => {
    const rng = new Rng(1);
    const alias = new AliasTable([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let k = 0; k < 40000; k++) counts[alias.sample(rng)] = (counts[alias.sample(rng)] ?? 0) + 1;
    expect(counts[1]).toBe(0);
    let sum = 0;
    for (let k = 0; k < 20000; k++) sum += rng.poisson(2.5);
    expect(sum / 20000).toBeCloseTo(2.5, 1);
  });
});

describe("générateur sur un annuaire donné", () => {
  it("garde SIRET, NAF, commune, dates et drapeaux fournis, et simule leur historique", () => {
    const base = generateDataset(reference, { establishments: 300, years: 6, seed: 2 }).dataset.establishments;
    const population = { ...base, siret: Float64Array.from(base.siret, (s) => s + 0), naf: base.naf.slice() };
    population.naf.fill(reference.naf.index.get("1071C") as number);
    const g = generateDataset(reference, { establishments: 300, years: 6, seed: 4, population });
    const e = g.dataset.establishments;
    expect(Array.from(e.siret)).toEqual(Array.from(base.siret));
    expect(new Set(e.naf)).toEqual(new Set([reference.naf.index.get("1071C")]));
    expect(Array.from(e.commune)).toEqual(Array.from(base.commune));
    expect(Array.from(e.closed)).toEqual(Array.from(base.closed));
    expect(g.dataset.contracts.days.length).toBeGreaterThan(0);
    // No contract before creation nor after closure.
    for (let i = 0; i < e.n; i++)
      for (let k = g.dataset.contracts.offsets[i] as number; k < (g.dataset.contracts.offsets[i + 1] as number); k++) {
        expect(g.dataset.contracts.days[k]).toBeLessThan(e.closed[i] as number);
      }
    expect(() => generateDataset(reference, { establishments: 10, years: 6, seed: 4, population })).toThrow(
      /exactement/,
    );
  });
});
