import type { FeatureMatrix } from "../features/matrix.js";
import { column } from "../features/matrix.js";
import type { AlgoReference } from "../reference/types.js";
import { NormalEquations } from "./linalg.js";
import type { CountModel, TrainingSet } from "./types.js";

/** Half-years and minimum rows of the historical predictor (one regression per département). */
export const BASELINE_B_HALF_YEARS = 7;
export const BASELINE_B_MIN_ROWS = 200;

export interface BaselineBFit {
  /** Coefficients per département index: intercept, 7 half-years (most recent first), headcount. */
  byDepartement: Map<number, Float64Array>;
  national: Float64Array;
}

/**
 * The design rows of the classic predictor: 1, the 7 half-yearly contract counts before the as-of
 * date, and the headcount as the lower bound of the INSEE band (00 → 0, 01 → 1, 02 → 3, …), as the
 * historical implementation mapped it. Unknown windows count 0, an unknown band 1 (same mapping).
 */
export function baselineBDesign(
  features: FeatureMatrix,
  reference: AlgoReference,
): (r: number, out: Float64Array) => void {
  const halves = Array.from({ length: BASELINE_B_HALF_YEARS }, (_, k) => column(features, `alt_s${k}`));
  const bands = column(features, "tranche_effectif");
  return (r, out) => {
    out[0] = 1;
    for (let k = 0; k < BASELINE_B_HALF_YEARS; k++) {
      const v = (halves[k] as Float32Array)[r] as number;
      out[k + 1] = Number.isNaN(v) ? 0 : v;
    }
    const band = bands[r] as number;
    out[BASELINE_B_HALF_YEARS + 1] = Number.isNaN(band) ? 1 : (reference.sizeBands.lower[band] as number);
  };
}

/**
 * Baseline (b), "the classic predictor of this field": ordinary least squares per département on
 * the 7 half-yearly counts + headcount. A département with fewer than BASELINE_B_MIN_ROWS rows, or
 * whose system is singular, uses the national regression. Predictions below 0 are set to 0.
 */
export function fitBaselineB(
  train: TrainingSet,
  reference: AlgoReference,
  departementOf: (i: number) => number,
): CountModel {
  const fit = fitBaselineBCoefficients(train, reference, departementOf);
  return {
    id: "base-b",
    label: "Référence B : régression linéaire par département (7 semestres + effectif)",
    predict(features: FeatureMatrix): Float64Array {
      const x = new Float64Array(BASELINE_B_HALF_YEARS + 2);
      const out = new Float64Array(features.rows.length);
      const design = baselineBDesign(features, reference);
      for (let r = 0; r < out.length; r++) {
        design(r, x);
        const beta = fit.byDepartement.get(departementOf(features.rows[r] as number)) ?? fit.national;
        let s = 0;
        for (let k = 0; k < x.length; k++) s += (beta[k] as number) * (x[k] as number);
        out[r] = Math.max(0, s);
      }
      return out;
    },
  };
}

export function fitBaselineBCoefficients(
  train: TrainingSet,
  reference: AlgoReference,
  departementOf: (i: number) => number,
): BaselineBFit {
  const p = BASELINE_B_HALF_YEARS + 2;
  const perDep = new Map<number, NormalEquations>();
  const national = new NormalEquations(p);
  const x = new Float64Array(p);
  const design = baselineBDesign(train.features, reference);
  for (let r = 0; r < train.target.length; r++) {
    design(r, x);
    const dep = departementOf(train.features.rows[r] as number);
    let eq = perDep.get(dep);
    if (!eq) {
      eq = new NormalEquations(p);
      perDep.set(dep, eq);
    }
    const y = train.target[r] as number;
    const w = train.weights[r] as number;
    eq.add(x, y, w);
    national.add(x, y, w);
  }
  const nationalBeta = national.solve() ?? new Float64Array(p);
  const byDepartement = new Map<number, Float64Array>();
  for (const [dep, eq] of perDep) {
    if (eq.rows < BASELINE_B_MIN_ROWS) continue;
    const beta = eq.solve();
    if (beta) byDepartement.set(dep, beta);
  }
  return { byDepartement, national: nationalBeta };
}
