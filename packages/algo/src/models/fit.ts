import type { Dataset } from "../data/dataset.js";
import { buildFeatures, countContracts, eligibleRows, targetWindow } from "../features/build.js";
import { selectColumns, selectRows } from "../features/matrix.js";
import { Rng } from "../generate/rng.js";
import type { AlgoReference } from "../reference/types.js";
import { addMonths, type Day, isoOfDay, monthIndexOfDay, ymdOfDay } from "../time/day.js";
import { fitBaselineA } from "./baseline-a.js";
import { BASELINE_B_HALF_YEARS, fitBaselineB } from "./baseline-b.js";
import { type BoostParams, defaultBoostParams, poissonDeviance, validationMask } from "./gbt/boost.js";
import { sampleTrainingSet, stackTrainingSets } from "./sampling.js";
import { fitTremplinModel, type TremplinModel, wrapTremplinModel } from "./tremplin.js";
import type { CountModel, TrainingSet } from "./types.js";

export interface FitOptions {
  /** Most half-year counts to use as features (fewer when the history is shorter). */
  maxHalfYears?: number;
  /** Training snapshots: as-of dates 6, 12, … months before the prediction date. */
  snapshots?: number;
  /** Rows kept for the boosted trees over all snapshots (stratified, weighted sample). */
  maxTrainingRows?: number;
  boost?: BoostParams;
  /** Features the trees do not use (measured in docs/algorithm.md: variables only a generator makes useful). */
  dropFeatures?: string[];
  /** Blend the trees with the classic regression, in the proportion the held-out rows prefer (default false: measured to lose top-decile capture, docs/algorithm.md). */
  blend?: boolean;
  seed?: number;
  onProgress?: (line: string) => void;
}

export interface FittedModels {
  /** The date the models predict from: features as of it, hires in the 6 months after it. */
  asOf: Day;
  halfYears: number;
  snapshots: Day[];
  trainingRows: number;
  baselineA: CountModel;
  baselineB: CountModel;
  tremplin: TremplinModel;
}

export const DEFAULT_MAX_TRAINING_ROWS = 300_000;
export const DEFAULT_SNAPSHOTS = 2;
/**
 * Features built but not given to the trees by default: the shrunk own rate was measured on the
 * harder family (docs/algorithm.md § Robustesse) and did not help everywhere (it lost deviance in
 * a world whose trends turn); kept for the measurements.
 */
export const DEFAULT_DROPPED_FEATURES = ["alt_bayes", "alt_bayes_ratio"];
/** Snapshots the two references are fitted on, whatever the trees use: more would change the references. */
export const REFERENCE_SNAPSHOTS = 2;
/** Blend weights of the classic regression tried on the held-out rows. */
const BLEND_GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

/**
 * Fits the two baselines and Tremplin's model to predict from `asOf`, using only data before
 * `asOf`: training snapshots are dated asOf − 6 months, asOf − 12 months, …, each with the
 * contracts of its following 6 months as target (the last of them ends exactly at asOf).
 * Baselines are fitted on all rows of the same snapshots; the trees on a weighted sample.
 */
export function fitModels(
  dataset: Dataset,
  reference: AlgoReference,
  asOf: Day,
  options: FitOptions = {},
): FittedModels {
  const say = options.onProgress ?? (() => {});
  // As many snapshots as asked, fewer when the history would leave the oldest with too few half-years.
  const halfYearsBefore = (k: number) => {
    const oldest = addMonths(asOf, -6 * k);
    // Whole calendar months of data before the oldest snapshot (coverage starts on a 1st or later).
    const months =
      monthIndexOfDay(oldest) -
      monthIndexOfDay(dataset.coverage.start) -
      (ymdOfDay(dataset.coverage.start).day > 1 ? 1 : 0);
    return Math.floor(months / 6);
  };
  let count = Math.max(1, options.snapshots ?? DEFAULT_SNAPSHOTS);
  while (count > 1 && halfYearsBefore(count) < BASELINE_B_HALF_YEARS) count--;
  const snapshots = Array.from({ length: count }, (_, k) => addMonths(asOf, -6 * (k + 1)));
  const oldest = snapshots[snapshots.length - 1] as Day;
  const available = halfYearsBefore(count);
  const halfYears = Math.min(options.maxHalfYears ?? 10, available);
  if (halfYears < BASELINE_B_HALF_YEARS)
    throw new Error(
      `Historique insuffisant : ${available} semestres avant le ${isoOfDay(oldest)}, il en faut ${BASELINE_B_HALF_YEARS} (données depuis le ${isoOfDay(dataset.coverage.start)})`,
    );
  const rng = new Rng(options.seed ?? 1);
  const full: TrainingSet[] = [];
  const sampled: TrainingSet[] = [];
  const perSnapshot = Math.floor((options.maxTrainingRows ?? DEFAULT_MAX_TRAINING_ROWS) / count);
  for (const snapshot of snapshots) {
    const rows = eligibleRows(dataset, snapshot);
    const features = buildFeatures(dataset, reference, snapshot, rows, halfYears);
    const target = countContracts(dataset, rows, targetWindow(snapshot));
    say(
      `  Variables au ${isoOfDay(snapshot)} : ${formatInt(rows.length)} établissements, ${formatInt(sum(target))} contrats à prédire`,
    );
    // The references keep their classic training: the two most recent snapshots (one of each season).
    if (full.length < REFERENCE_SNAPSHOTS)
      full.push({ features, target, weights: new Float32Array(target.length).fill(1) });
    sampled.push(sampleTrainingSet(features, target, perSnapshot, rng));
  }
  const all = stackTrainingSets(full);
  full.length = 0;
  const baselineA = fitBaselineA(all);
  const baselineB = fitBaselineB(all, reference, (i) => dataset.establishments.departement[i] as number);
  say("  Références A et B ajustées");
  const stacked = stackTrainingSets(sampled);
  const drop = new Set(options.dropFeatures ?? DEFAULT_DROPPED_FEATURES);
  const train = {
    ...stacked,
    features: selectColumns(
      stacked.features,
      stacked.features.names.filter((f) => !drop.has(f)),
    ),
  };
  const boost = { ...defaultBoostParams, ...options.boost };
  const validation = validationMask(train.target.length, boost);
  const trees = fitTremplinModel(
    train,
    boost,
    (round, deviance) => {
      if (round % 50 === 49) say(`  Arbres : ${round + 1}, déviance de validation ${deviance.toFixed(4)}`);
    },
    validation,
  );
  const weight = options.blend !== true ? 0 : blendWeight(trees, baselineB, stacked, validation);
  const tremplin = wrapTremplinModel(trees.boost, trees.featureNames, { weight, model: baselineB });
  say(
    `  Modèle Tremplin : ${tremplin.boost.trees.length} arbres sur ${formatInt(train.target.length)} lignes, mêlés à ${Math.round(weight * 100)} % à la régression classique`,
  );
  return { asOf, halfYears, snapshots, trainingRows: train.target.length, baselineA, baselineB, tremplin };
}

/**
 * The weight of the classic regression that minimises the Poisson deviance of the blend on the
 * rows the trees held out for early stopping (the regression has 9 coefficients per département:
 * that it saw those rows matters little).
 */
function blendWeight(trees: CountModel, regression: CountModel, train: TrainingSet, validation: Uint8Array): number {
  const positions = Int32Array.from({ length: validation.length }, (_, r) => r).filter((r) => validation[r] === 1);
  if (positions.length === 0) return 0;
  const held = selectRows(train.features, positions);
  const t = trees.predict(held);
  const b = regression.predict(held);
  const y = Float64Array.from(positions, (r) => train.target[r] as number);
  const w = Float64Array.from(positions, (r) => train.weights[r] as number);
  let best = 0;
  let bestDeviance = Number.POSITIVE_INFINITY;
  for (const weight of BLEND_GRID) {
    const mu = t.map((x, k) => Math.max(1e-3, (1 - weight) * x + weight * (b[k] as number)));
    const deviance = poissonDeviance(y, mu, w);
    if (deviance < bestDeviance - 1e-9) {
      bestDeviance = deviance;
      best = weight;
    }
  }
  return best;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/** 1 500 000 with a narrow no-break space, as French typography wants. */
export function formatInt(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
