import { column, type FeatureMatrix, selectRows } from "../features/matrix.js";
import type { Rng } from "../generate/rng.js";
import type { TrainingSet } from "./types.js";

/**
 * Caps a training snapshot at `maxRows` by stratified sampling with importance weights. Rows with
 * any apprenticeship history or target ("informative") are kept at a higher rate than the mass of
 * establishments with neither; each kept row weighs 1 / its rate, so weighted sums (the Poisson
 * loss, the least squares) are unbiased estimates of the full-data ones.
 */
export function sampleTrainingSet(
  features: FeatureMatrix,
  target: Float32Array,
  maxRows: number,
  rng: Rng,
): TrainingSet {
  const n = target.length;
  if (n <= maxRows) return { features, target, weights: new Float32Array(n).fill(1) };
  const total = column(features, "alt_total");
  const informative = new Uint8Array(n);
  let nInformative = 0;
  for (let r = 0; r < n; r++) {
    if ((total[r] as number) > 0 || (target[r] as number) > 0) {
      informative[r] = 1;
      nInformative++;
    }
  }
  const rateInformative = Math.min(1, (0.6 * maxRows) / Math.max(1, nInformative));
  const rest = n - nInformative;
  const rateRest = Math.min(1, (maxRows - rateInformative * nInformative) / Math.max(1, rest));
  const positions: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < n; r++) {
    const rate = informative[r] ? rateInformative : rateRest;
    if (rng.next() < rate) {
      positions.push(r);
      weights.push(1 / rate);
    }
  }
  const kept = Int32Array.from(positions);
  return {
    features: selectRows(features, kept),
    target: Float32Array.from(kept, (p) => target[p] as number),
    weights: Float32Array.from(weights),
  };
}

export function stackTrainingSets(sets: TrainingSet[]): TrainingSet {
  const first = sets[0];
  if (!first) throw new Error("Aucun jeu d'apprentissage");
  if (sets.length === 1) return first;
  const total = sets.reduce((s, t) => s + t.target.length, 0);
  const target = new Float32Array(total);
  const weights = new Float32Array(total);
  const columns = first.features.names.map(() => new Float32Array(total));
  const rows = new Int32Array(total);
  let at = 0;
  for (const s of sets) {
    target.set(s.target, at);
    weights.set(s.weights, at);
    rows.set(s.features.rows, at);
    s.features.columns.forEach((c, k) => {
      (columns[k] as Float32Array).set(c, at);
    });
    at += s.target.length;
  }
  return { features: { asOf: first.features.asOf, rows, names: first.features.names, columns }, target, weights };
}
