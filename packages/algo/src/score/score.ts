import type { Dataset } from "../data/dataset.js";
import { FLAG_TRAINING_ORGANISATION } from "../data/establishments.js";
import { Growable } from "../data/growable.js";
import type { AlgoReference } from "../reference/types.js";
import type { Day } from "../time/day.js";

/**
 * Score of an expected number of hires μ over the next 6 months: 100 · (1 − e^(−μ)), the chance
 * of at least one hire if hires follow a Poisson law. Monotonic, bounded, and it means the same
 * thing from one run to the next (a rank-based score would not: it moves when others move).
 */
export function scoreFromHires(mu: number): number {
  return mu > 0 ? 100 * (1 - Math.exp(-mu)) : 0;
}

export interface ExposureRules {
  /** Per-job score an establishment needs to be shown for that job. */
  baseThreshold: number;
  /** Threshold for a job with 100 % tension; in between: floor + (base − floor) · (1 − tension / 100). */
  floorThreshold: number;
  /** Jobs below this share of the NAF's hires are not listed (the long tail of the mapping). */
  minAffinity: number;
}

export const defaultExposureRules: ExposureRules = { baseThreshold: 30, floorThreshold: 10, minAffinity: 0.01 };

/** Threshold for a job: lowered in proportion to its tension (jobs that struggle to recruit). */
export function thresholdFor(rome: number, reference: AlgoReference, rules: ExposureRules): number {
  const tension = reference.romes.tensionPct[rome] as number;
  if (Number.isNaN(tension)) return rules.baseThreshold;
  const t = Math.min(100, Math.max(0, tension)) / 100;
  return rules.floorThreshold + (rules.baseThreshold - rules.floorThreshold) * (1 - t);
}

export const EXCLUDED_NONE = 0;
export const EXCLUDED_CLOSED = 1;
export const EXCLUDED_OPTED_OUT = 2;
export const EXCLUDED_TRAINING = 3;
export const exclusionLabels = [
  "",
  "établissement fermé",
  "retrait demandé par l'entreprise",
  "organisme de formation",
];

export interface ScoringInput {
  dataset: Dataset;
  reference: AlgoReference;
  asOf: Day;
  /** Establishment index of each prediction. */
  rows: Int32Array;
  /** Expected apprenticeship hires in the 6 months after asOf. */
  predictions: Float64Array;
  /** 1 for establishments that asked not to be shown (indexed like the establishment table). */
  optedOut?: Uint8Array;
  rules?: ExposureRules;
}

/** Scores of every row and the (row, job) pairs shown, in compressed rows. */
export interface ScoredEstablishments {
  asOf: Day;
  rows: Int32Array;
  predicted: Float64Array;
  score: Float32Array;
  exclusion: Uint8Array;
  /** Exposed jobs of row r: positions offsets[r] … offsets[r+1] − 1. */
  offsets: Int32Array;
  rome: Uint16Array;
  romeScore: Float32Array;
  /** Rows exposed for at least one job. */
  exposedEstablishments: number;
}

/**
 * Turns predictions into scores, spreads each establishment's expected hires over jobs with the
 * NAF ↔ ROME affinity (μ_job = μ · share), and decides exposure per job. Closed (on or before
 * asOf), opted-out establishments and training organisations are never exposed.
 */
export function scoreEstablishments(input: ScoringInput): ScoredEstablishments {
  const { dataset, reference, rows, predictions } = input;
  const rules = input.rules ?? defaultExposureRules;
  const e = dataset.establishments;
  const n = rows.length;
  const score = new Float32Array(n);
  const exclusion = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const rome = new Growable(Uint16Array);
  const romeScore = new Growable(Float32Array);
  const thresholds = Float64Array.from(reference.romes.codes, (_, k) => thresholdFor(k, reference, rules));
  const { offsets: aOff, rome: aRome, share } = reference.affinity;
  let exposed = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    const mu = predictions[r] as number;
    score[r] = scoreFromHires(mu);
    if ((e.closed[i] as number) <= input.asOf) exclusion[r] = EXCLUDED_CLOSED;
    else if (input.optedOut?.[i]) exclusion[r] = EXCLUDED_OPTED_OUT;
    else if ((e.flags[i] as number) & FLAG_TRAINING_ORGANISATION) exclusion[r] = EXCLUDED_TRAINING;
    if (exclusion[r] === EXCLUDED_NONE) {
      const naf = e.naf[i] as number;
      const before = rome.length;
      for (let k = aOff[naf] as number; k < (aOff[naf + 1] as number); k++) {
        const s = share[k] as number;
        if (s < rules.minAffinity) continue;
        const job = aRome[k] as number;
        const js = scoreFromHires(mu * s);
        if (js >= (thresholds[job] as number)) {
          rome.push(job);
          romeScore.push(js);
        }
      }
      if (rome.length > before) exposed++;
    }
    offsets[r + 1] = rome.length;
  }
  return {
    asOf: input.asOf,
    rows,
    predicted: predictions,
    score,
    exclusion,
    offsets,
    rome: rome.toArray(),
    romeScore: romeScore.toArray(),
    exposedEstablishments: exposed,
  };
}
