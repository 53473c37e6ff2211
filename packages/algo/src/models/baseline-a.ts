import { column, type FeatureMatrix } from "../features/matrix.js";
import type { CountModel, TrainingSet } from "./types.js";

/**
 * Baseline (a): rank by the apprenticeship contracts of the last 12 months. Its ranking is exactly
 * that count; to be judged on deviance and calibration too, it is turned into a 6-month figure
 * with two numbers fitted on the training rows: the ratio of later hires to past 12-month hires
 * among establishments that hired, and the mean for those that did not (so ranks are unchanged).
 */
export function fitBaselineA(train: TrainingSet): CountModel {
  const past = column(train.features, "alt_12m");
  let sumPast = 0;
  let sumLater = 0;
  let zeroWeight = 0;
  let zeroLater = 0;
  for (let r = 0; r < past.length; r++) {
    const w = train.weights[r] as number;
    const y = (train.target[r] as number) * w;
    if ((past[r] as number) > 0) {
      sumPast += (past[r] as number) * w;
      sumLater += y;
    } else {
      zeroWeight += w;
      zeroLater += y;
    }
  }
  const ratio = sumPast > 0 ? sumLater / sumPast : 0.5;
  const zeroMean = zeroWeight > 0 ? zeroLater / zeroWeight : 0;
  return {
    id: "base-a",
    label: "Référence A : embauches des 12 derniers mois",
    predict(features: FeatureMatrix): Float64Array {
      const x = column(features, "alt_12m");
      return Float64Array.from(x, (v) => (v > 0 ? Math.max(v * ratio, zeroMean) : zeroMean));
    },
  };
}
