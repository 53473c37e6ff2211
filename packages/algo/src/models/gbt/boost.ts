import type { FeatureMatrix } from "../../features/matrix.js";
import { Rng } from "../../generate/rng.js";
import { type BinEdges, binRows, computeEdges, MAX_BINS } from "./bins.js";
import { growTree, type Tree, type TreeParams, treeValue } from "./tree.js";

export interface BoostParams extends TreeParams {
  maxRounds: number;
  learningRate: number;
  /** Share of training rows drawn (without replacement) for each tree. */
  rowSubsample: number;
  /** Share of rows held out to choose the number of trees (early stopping on Poisson deviance). */
  validationShare: number;
  patience: number;
  seed: number;
}

export const defaultBoostParams: BoostParams = {
  maxLeaves: 31,
  maxDepth: 8,
  minLeafRows: 40,
  minLeafHessian: 1,
  lambda: 1,
  maxStep: 2,
  maxRounds: 400,
  learningRate: 0.08,
  rowSubsample: 0.7,
  validationShare: 0.1,
  patience: 25,
  seed: 1,
};

/** Gradient-boosted trees for counts: log link, Poisson loss; prediction exp(init + Σ trees). */
export interface PoissonBoost {
  init: number;
  edges: BinEdges;
  trees: Tree[];
  /** Weighted validation deviance after each round (the curve early stopping read). */
  validationDeviance: number[];
}

/** Mean Poisson deviance 2·Σ w[y ln(y/μ) − (y − μ)] / Σ w. */
export function poissonDeviance(y: ArrayLike<number>, mu: ArrayLike<number>, w?: ArrayLike<number>): number {
  let sum = 0;
  let weight = 0;
  for (let r = 0; r < y.length; r++) {
    const yr = y[r] as number;
    const m = Math.max(mu[r] as number, 1e-9);
    const wr = w ? (w[r] as number) : 1;
    sum += wr * 2 * ((yr > 0 ? yr * Math.log(yr / m) : 0) - (yr - m));
    weight += wr;
  }
  return weight > 0 ? sum / weight : 0;
}

export function fitPoissonBoost(
  features: FeatureMatrix,
  target: Float32Array,
  weights: Float32Array,
  params: BoostParams = defaultBoostParams,
  onRound?: (round: number, deviance: number) => void,
  /** Rows held out for early stopping (1 = held out); drawn with `validationShare` when absent. */
  validation?: Uint8Array,
): PoissonBoost {
  const n = target.length;
  const rng = new Rng(params.seed);
  const isValidation = validation ?? validationMask(n, params);
  const trainRows = Int32Array.from({ length: n }, (_, r) => r).filter((r) => isValidation[r] === 0);
  const validRows = Int32Array.from({ length: n }, (_, r) => r).filter((r) => isValidation[r] === 1);
  const edges = computeEdges(features, sampleOf(trainRows, 200_000, rng), MAX_BINS);
  const p = edges.length;
  const bins = binRows(features, edges);
  let sw = 0;
  let swy = 0;
  for (const r of trainRows) {
    sw += weights[r] as number;
    swy += (weights[r] as number) * (target[r] as number);
  }
  const init = Math.log(Math.max(swy / Math.max(sw, 1e-12), 1e-6));
  const score = new Float64Array(n).fill(init);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: Tree[] = [];
  const curve: number[] = [];
  const validY = Float64Array.from(validRows, (r) => target[r] as number);
  const validW = Float64Array.from(validRows, (r) => weights[r] as number);
  const validMu = new Float64Array(validRows.length);
  let best = Number.POSITIVE_INFINITY;
  let bestRounds = 0;
  const drawn = Math.max(1, Math.round(trainRows.length * params.rowSubsample));
  for (let round = 0; round < params.maxRounds; round++) {
    for (const r of trainRows) {
      const mu = Math.exp(score[r] as number);
      const w = weights[r] as number;
      grad[r] = w * (mu - (target[r] as number));
      hess[r] = w * mu;
    }
    const rows = params.rowSubsample < 1 ? sampleOf(trainRows, drawn, rng) : Int32Array.from(trainRows);
    const tree = growTree(bins, p, MAX_BINS, grad, hess, rows, params);
    for (let k = 0; k < tree.value.length; k++) tree.value[k] = (tree.value[k] as number) * params.learningRate;
    trees.push(tree);
    for (let r = 0; r < n; r++) score[r] = (score[r] as number) + treeValue(tree, bins, r * p);
    validRows.forEach((r, k) => {
      validMu[k] = Math.exp(score[r] as number);
    });
    const dev = validRows.length > 0 ? poissonDeviance(validY, validMu, validW) : 0;
    curve.push(dev);
    onRound?.(round, dev);
    // Without a validation set, every tree is kept (tests, tiny data).
    if (validRows.length === 0 || dev < best - 1e-9) {
      best = dev;
      bestRounds = round + 1;
    } else if (round + 1 - bestRounds >= params.patience) break;
  }
  return { init, edges, trees: trees.slice(0, Math.max(1, bestRounds)), validationDeviance: curve };
}

/** The rows held out for early stopping, drawn from the parameters' seed. */
export function validationMask(n: number, params: BoostParams): Uint8Array {
  const rng = new Rng(params.seed ^ 0x5bd1e995);
  const mask = new Uint8Array(n);
  for (let r = 0; r < n; r++) if (rng.next() < params.validationShare) mask[r] = 1;
  return mask;
}

/** Expected counts exp(init + Σ tree values) for every row of a feature matrix. */
export function predictPoissonBoost(model: PoissonBoost, features: FeatureMatrix): Float64Array {
  const p = model.edges.length;
  const n = features.rows.length;
  const out = new Float64Array(n);
  // Binning row blocks keeps memory flat on 1.5 M rows.
  const block = 65_536;
  for (let start = 0; start < n; start += block) {
    const size = Math.min(block, n - start);
    const positions = Int32Array.from({ length: size }, (_, k) => start + k);
    const bins = binRows(features, model.edges, positions);
    for (let k = 0; k < size; k++) {
      let s = model.init;
      for (const tree of model.trees) s += treeValue(tree, bins, k * p);
      out[start + k] = Math.exp(s);
    }
  }
  return out;
}

/** Total split gain per feature, normalised to sum 1. */
export function featureImportance(model: PoissonBoost): Float64Array {
  const out = new Float64Array(model.edges.length);
  for (const tree of model.trees)
    for (let k = 0; k < tree.feature.length; k++) {
      const f = tree.feature[k] as number;
      if (f >= 0) out[f] = (out[f] as number) + (tree.gain[k] as number);
    }
  const total = out.reduce((s, x) => s + x, 0);
  return total > 0 ? out.map((x) => x / total) : out;
}

function sampleOf(rows: Int32Array, size: number, rng: Rng): Int32Array {
  if (size >= rows.length) return Int32Array.from(rows);
  // Partial Fisher–Yates on a copy.
  const copy = Int32Array.from(rows);
  for (let k = 0; k < size; k++) {
    const j = k + rng.int(copy.length - k);
    const t = copy[k] as number;
    copy[k] = copy[j] as number;
    copy[j] = t;
  }
  return copy.subarray(0, size);
}
