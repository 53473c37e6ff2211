import type { FeatureMatrix } from "../features/matrix.js";

/** Rows to learn from: features as of a date, the contracts of the 6 months after it, and weights. */
export interface TrainingSet {
  features: FeatureMatrix;
  target: Float32Array;
  /** Importance weights (1 / sampling rate); all ones when nothing was subsampled. */
  weights: Float32Array;
}

/** A fitted model: expected apprenticeship contracts in the 6 months after the as-of date, per row. */
export interface CountModel {
  /** Stable identifier used in reports and files. */
  id: string;
  /** French name shown in the report. */
  label: string;
  predict(features: FeatureMatrix): Float64Array;
}
