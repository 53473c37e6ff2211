import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/dataset.js";
import { emptyEstablishments, FLAG_TRAINING_ORGANISATION } from "../data/establishments.js";
import { EventStoreBuilder } from "../data/events.js";
import type { AlgoReference } from "../reference/types.js";
import { testReference } from "../test-support.js";
import { addMonths, dayFromYmd } from "../time/day.js";
import { explain } from "./explain.js";
import { exposedCompanies } from "./records.js";
import {
  defaultExposureRules,
  EXCLUDED_CLOSED,
  EXCLUDED_NONE,
  EXCLUDED_OPTED_OUT,
  EXCLUDED_TRAINING,
  scoreEstablishments,
  scoreFromHires,
  thresholdFor,
} from "./score.js";

let reference: AlgoReference;
beforeAll(async () => {
  reference = await testReference();
});

const asOf = dayFromYmd(2025, 1, 1);

/** Five bakeries (NAF 1071C); 1 closed, 2 opted out, 3 a training organisation. */
function bakeries(): Dataset {
  const e = emptyEstablishments(5);
  const naf = reference.naf.index.get("1071C") as number;
  for (let i = 0; i < 5; i++) {
    e.siret[i] = 51146379600017;
    e.naf[i] = naf;
    e.created[i] = dayFromYmd(2000, 1, 1);
  }
  e.closed[1] = dayFromYmd(2024, 12, 1);
  e.flags[3] = FLAG_TRAINING_ORGANISATION;
  const contracts = new EventStoreBuilder();
  const boulanger = (reference.romes.index.get("D1102") as number) + 1;
  for (const [i, months, rome] of [
    [0, 2, boulanger],
    [0, 14, boulanger],
    [0, 20, 0],
    [0, 30, 0],
    [4, 50, 0],
  ] as const)
    contracts.add(i, addMonths(asOf, -months), 1, rome);
  contracts.add(0, asOf + 3, 1, boulanger);
  return {
    establishments: e,
    contracts: contracts.build(5),
    hires: new EventStoreBuilder().build(5),
    finances: null,
    coverage: { start: dayFromYmd(2019, 1, 1), end: asOf },
  };
}

describe("score 0–100", () => {
  it("est monotone, borné, et vaut la chance d'au moins une embauche", () => {
    let previous = -1;
    for (let mu = 0; mu <= 20; mu += 0.01) {
      const s = scoreFromHires(mu);
      expect(s).toBeGreaterThan(previous);
      expect(s).toBeLessThanOrEqual(100);
      previous = s;
    }
    expect(scoreFromHires(0)).toBe(0);
    expect(scoreFromHires(Math.log(2))).toBeCloseTo(50, 10);
  });

  it("le seuil baisse pour les métiers en tension", () => {
    const tense = reference.romes.tensionPct.findIndex((t) => t > 60);
    const unknown = reference.romes.tensionPct.findIndex((t) => Number.isNaN(t));
    expect(thresholdFor(unknown, reference, defaultExposureRules)).toBe(defaultExposureRules.baseThreshold);
    expect(thresholdFor(tense, reference, defaultExposureRules)).toBeLessThan(defaultExposureRules.baseThreshold);
    expect(thresholdFor(tense, reference, defaultExposureRules)).toBeGreaterThanOrEqual(
      defaultExposureRules.floorThreshold,
    );
  });
});

describe("exposition", () => {
  it("jamais d'exposition pour un établissement fermé, retiré ou organisme de formation", () => {
    const dataset = bakeries();
    const optedOut = Uint8Array.from([0, 0, 1, 0, 0]);
    const rows = Int32Array.from([0, 1, 2, 3, 4]);
    const scored = scoreEstablishments({
      dataset,
      reference,
      asOf,
      rows,
      predictions: new Float64Array(5).fill(50),
      optedOut,
    });
    expect(Array.from(scored.exclusion)).toEqual([
      EXCLUDED_NONE,
      EXCLUDED_CLOSED,
      EXCLUDED_OPTED_OUT,
      EXCLUDED_TRAINING,
      EXCLUDED_NONE,
    ]);
    const exposedRows = [0, 1, 2, 3, 4].filter(
      (r) => (scored.offsets[r + 1] as number) > (scored.offsets[r] as number),
    );
    expect(exposedRows).toEqual([0, 4]);
    expect(scored.exposedEstablishments).toBe(2);
  });

  it("expose par métier selon l'affinité NAF ↔ ROME, au-dessus du seuil seulement", () => {
    const dataset = bakeries();
    const rows = Int32Array.from([0, 4]);
    const scored = scoreEstablishments({ dataset, reference, asOf, rows, predictions: Float64Array.from([3, 0.05]) });
    const jobs = Array.from(
      scored.rome.subarray(scored.offsets[0], scored.offsets[1]),
      (k) => reference.romes.codes[k],
    );
    expect(jobs).toContain("D1102");
    expect(scored.offsets[2]).toBe(scored.offsets[1]);
    const companies = [...exposedCompanies(scored, dataset, reference)];
    expect(companies).toHaveLength(1);
    const bakery = companies[0]?.romes.find((r) => r.rome === "D1102");
    // The contract dated after asOf is not counted; 4 in 3 years, 2 of them as bakers.
    expect(bakery?.explanation).toBe(
      "A recruté 4 alternants au cours des 3 dernières années, dont 2 en boulangerie - viennoiserie.",
    );
  });
});

describe("explications en français", () => {
  const base = { contracts3y: 0, contracts12m: 0, inJob3y: null, jobLabel: "Coiffure", otherHires12m: 0 };
  it("accorde les pluriels", () => {
    expect(explain({ ...base, contracts3y: 1, contracts12m: 1 })).toBe(
      "A recruté 1 alternant au cours des 3 dernières années.",
    );
    expect(explain({ ...base, contracts3y: 3, contracts12m: 1 })).toBe(
      "A recruté 3 alternants au cours des 3 dernières années, dont 1 au cours des 12 derniers mois.",
    );
    expect(explain({ ...base, contracts3y: 2, inJob3y: 2 })).toBe(
      "A recruté 2 alternants au cours des 3 dernières années, dont 2 en coiffure.",
    );
    expect(explain({ ...base, otherHires12m: 1 })).toContain("A embauché 1 personne en CDI");
    expect(explain({ ...base, otherHires12m: 5 })).toContain("5 personnes");
    expect(explain(base)).toBe(
      "Les entreprises de son secteur et de sa taille recrutent souvent des alternants en coiffure.",
    );
  });
});
