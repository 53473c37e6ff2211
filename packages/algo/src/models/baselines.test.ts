import { beforeAll, describe, expect, it } from "vitest";
import type { AlgoReference } from "../reference/types.js";
import { handMatrix, testReference } from "../test-support.js";
import { fitBaselineA } from "./baseline-a.js";
import { BASELINE_B_MIN_ROWS, fitBaselineB, fitBaselineBCoefficients } from "./baseline-b.js";
import { NormalEquations, solveSpd } from "./linalg.js";

let reference: AlgoReference;
beforeAll(async () => {
  reference = await testReference();
});

const ones = (n: number) => new Float32Array(n).fill(1);

describe("algèbre linéaire", () => {
  it("Cholesky résout un système connu et refuse un système singulier", () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    const x = solveSpd(a, Float64Array.from([2, 1]), 2) as Float64Array;
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    expect(solveSpd(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
  });

  it("les moindres carrés pondérés valent la duplication des lignes", () => {
    const a = new NormalEquations(2);
    const b = new NormalEquations(2);
    const rows: [number, number, number][] = [
      [1, 0, 1],
      [1, 1, 3],
      [1, 2, 4],
      [1, 3, 8],
    ];
    rows.forEach(([c, x, y], k) => {
      a.add([c, x], y, k === 2 ? 3 : 1);
      b.add([c, x], y);
      if (k === 2) for (let d = 0; d < 2; d++) b.add([c, x], y);
    });
    const sa = a.solve() as Float64Array;
    const sb = b.solve() as Float64Array;
    expect(sa[0]).toBeCloseTo(sb[0] as number, 10);
    expect(sa[1]).toBeCloseTo(sb[1] as number, 10);
  });
});

describe("référence A : embauches des 12 derniers mois", () => {
  it("classe exactement comme le compte des 12 derniers mois et se calibre sur l'apprentissage", () => {
    const features = handMatrix({ alt_12m: [0, 0, 2, 4, 1] });
    // Those who hired: 7 past → 3.5 later (ratio 0.5); those who did not: mean 0.5.
    const model = fitBaselineA({ features, target: Float32Array.from([1, 0, 1, 2, 0.5]), weights: ones(5) });
    const pred = Array.from(model.predict(features));
    expect(pred).toEqual([0.5, 0.5, 1, 2, 0.5]);
    const order = (xs: number[]) => xs.map((_, i) => i).sort((x, y) => (xs[y] as number) - (xs[x] as number) || x - y);
    expect(order(pred).slice(0, 2)).toEqual([3, 2]);
  });
});

function baselineBMatrix(rows: number, seed: number) {
  const cols: Record<string, number[]> = { tranche_effectif: [] };
  for (let k = 0; k < 7; k++) cols[`alt_s${k}`] = [];
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < 7; k++) (cols[`alt_s${k}`] as number[]).push(Math.floor(rand() * 4));
    (cols.tranche_effectif as number[]).push(Math.floor(rand() * 8));
  }
  return handMatrix(cols);
}

describe("référence B : régression linéaire par département sur 7 semestres + effectif", () => {
  it("retrouve des coefficients connus, département par département", () => {
    const n = 2 * BASELINE_B_MIN_ROWS + 50;
    const features = baselineBMatrix(n, 3);
    const dep = (i: number) => (i < n / 2 ? 10 : 20);
    const coef = { 10: [0.2, 0.5, 0.1, 0, 0, 0, 0, 0.3, 0.01], 20: [1, 0, 0.4, 0.2, 0, 0, 0, 0, 0.002] } as Record<
      number,
      number[]
    >;
    const target = Float32Array.from({ length: n }, (_, r) => {
      const c = coef[dep(r)] as number[];
      let y = c[0] as number;
      for (let k = 0; k < 7; k++) y += (c[k + 1] as number) * ((features.columns[k + 1] as Float32Array)[r] as number);
      const band = (features.columns[0] as Float32Array)[r] as number;
      return y + (c[8] as number) * (reference.sizeBands.lower[band] as number);
    });
    const fit = fitBaselineBCoefficients({ features, target, weights: ones(n) }, reference, dep);
    for (const d of [10, 20]) {
      const beta = Array.from(fit.byDepartement.get(d) as Float64Array);
      for (const [k, c] of (coef[d] as number[]).entries()) expect(beta[k]).toBeCloseTo(c, 4);
    }
    const model = fitBaselineB({ features, target, weights: ones(n) }, reference, dep);
    const pred = model.predict(features);
    expect(pred[0]).toBeCloseTo(target[0] as number, 4);
  });

  it("un département trop petit ou singulier prend la régression nationale ; pas de prédiction négative", () => {
    const n = BASELINE_B_MIN_ROWS + 20;
    const features = baselineBMatrix(n, 5);
    const dep = (i: number) => (i < BASELINE_B_MIN_ROWS ? 1 : 2);
    const target = Float32Array.from(
      { length: n },
      (_, r) => ((features.columns[1] as Float32Array)[r] as number) - 1.5,
    );
    const fit = fitBaselineBCoefficients({ features, target, weights: ones(n) }, reference, dep);
    expect(fit.byDepartement.has(1)).toBe(true);
    expect(fit.byDepartement.has(2)).toBe(false);
    const model = fitBaselineB({ features, target, weights: ones(n) }, reference, dep);
    expect(Math.min(...model.predict(features))).toBe(0);
    // Singular: every row alike in a large département.
    const flat = handMatrix(Object.fromEntries(features.names.map((k) => [k, Array.from({ length: n }, () => 1)])));
    const singular = fitBaselineBCoefficients({ features: flat, target, weights: ones(n) }, reference, () => 3);
    expect(singular.byDepartement.has(3)).toBe(false);
  });
});
