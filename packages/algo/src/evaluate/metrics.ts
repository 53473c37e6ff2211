import { poissonDeviance } from "../models/gbt/boost.js";

/** Below this, a predicted count is treated as this in the deviance (a model that says "0" for an establishment that hires would otherwise score infinity). */
export const DEVIANCE_FLOOR = 1e-3;

/** Indexes sorted by decreasing prediction (ties in index order: callers spread ties fractionally). */
export function rankDescending(pred: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: pred.length }, (_, i) => i);
  return order.sort((a, b) => (pred[b] as number) - (pred[a] as number) || a - b);
}

/**
 * Walks establishments from the highest prediction down and takes the first `share` of them;
 * returns Σ value over them. A group of tied predictions straddling the cut contributes in
 * proportion (the expectation under a random order of ties), so a model that predicts the same
 * value for everyone gets exactly `share` of the total, as it deserves.
 */
export function topShareSum(
  pred: ArrayLike<number>,
  value: ArrayLike<number>,
  share: number,
  order = rankDescending(pred),
): number {
  const budget = share * pred.length;
  let taken = 0;
  let sum = 0;
  let k = 0;
  while (k < order.length && taken < budget) {
    const v = pred[order[k] as number] as number;
    let end = k;
    let groupSum = 0;
    while (end < order.length && pred[order[end] as number] === v) groupSum += value[order[end++] as number] as number;
    const size = end - k;
    const fraction = Math.min(1, (budget - taken) / size);
    sum += groupSum * fraction;
    taken += size * fraction;
    k = end;
  }
  return sum;
}

/** Share of all actual hires made by the top `share` of establishments ranked by prediction. */
export function capture(pred: ArrayLike<number>, actual: ArrayLike<number>, share: number, order?: Int32Array): number {
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += actual[i] as number;
  return total > 0 ? topShareSum(pred, actual, share, order) / total : 0;
}

/** Precision@k of "at least one hire": share of the top `share` establishments that hired. */
export function precisionAtShare(
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  share: number,
  order?: Int32Array,
): number {
  const hired = Float64Array.from({ length: actual.length }, (_, i) => ((actual[i] as number) > 0 ? 1 : 0));
  const k = share * pred.length;
  return k > 0 ? topShareSum(pred, hired, share, order) / k : 0;
}

export function meanDeviance(pred: ArrayLike<number>, actual: ArrayLike<number>): number {
  const mu = Float64Array.from({ length: pred.length }, (_, i) => Math.max(pred[i] as number, DEVIANCE_FLOOR));
  return poissonDeviance(actual, mu);
}

export interface CalibrationBin {
  meanPredicted: number;
  meanActual: number;
  establishments: number;
}

/** Mean predicted vs mean actual hires by decile of prediction (decile 10 = highest). */
export function calibrationByDecile(
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  order = rankDescending(pred),
): CalibrationBin[] {
  const n = pred.length;
  const bins: CalibrationBin[] = [];
  for (let d = 0; d < 10; d++) {
    // Ascending deciles: decile 1 is the lowest tenth.
    const from = Math.floor(((9 - d) * n) / 10);
    const to = Math.floor(((10 - d) * n) / 10);
    let sp = 0;
    let sa = 0;
    for (let k = from; k < to; k++) {
      const i = order[n - 1 - k] as number;
      sp += pred[i] as number;
      sa += actual[i] as number;
    }
    const size = Math.max(1, to - from);
    bins.push({ meanPredicted: sp / size, meanActual: sa / size, establishments: to - from });
  }
  return bins.reverse();
}

/** Points of the capture curve: share of hires made by the top x % of establishments, x = 0 … 100. */
export function captureCurve(
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  steps: number[],
  order = rankDescending(pred),
): number[] {
  return steps.map((s) => capture(pred, actual, s, order));
}
