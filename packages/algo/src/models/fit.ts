import type { Dataset } from "../data/dataset.js";
import { buildFeatures, countContracts, eligibleRows, targetWindow } from "../features/build.js";
import { Rng } from "../generate/rng.js";
import type { AlgoReference } from "../reference/types.js";
import { addMonths, type Day, isoOfDay, monthIndexOfDay, ymdOfDay } from "../time/day.js";
import { fitBaselineA } from "./baseline-a.js";
import { BASELINE_B_HALF_YEARS, fitBaselineB } from "./baseline-b.js";
import { type BoostParams, defaultBoostParams } from "./gbt/boost.js";
import { sampleTrainingSet, stackTrainingSets } from "./sampling.js";
import { fitTremplinModel, type TremplinModel } from "./tremplin.js";
import type { CountModel, TrainingSet } from "./types.js";

export interface FitOptions {
  /** Most half-year counts to use as features (fewer when the history is shorter). */
  maxHalfYears?: number;
  /** Training snapshots: as-of dates 6, 12, … months before the prediction date. */
  snapshots?: number;
  /** Rows kept for the boosted trees over all snapshots (stratified, weighted sample). */
  maxTrainingRows?: number;
  boost?: BoostParams;
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
  const count = options.snapshots ?? 2;
  const snapshots = Array.from({ length: count }, (_, k) => addMonths(asOf, -6 * (k + 1)));
  const oldest = snapshots[snapshots.length - 1] as Day;
  // Whole calendar months of data before the oldest snapshot (coverage starts on a 1st or later).
  const months =
    monthIndexOfDay(oldest) -
    monthIndexOfDay(dataset.coverage.start) -
    (ymdOfDay(dataset.coverage.start).day > 1 ? 1 : 0);
  const available = Math.floor(months / 6);
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
    full.push({ features, target, weights: new Float32Array(target.length).fill(1) });
    sampled.push(sampleTrainingSet(features, target, perSnapshot, rng));
  }
  const all = stackTrainingSets(full);
  full.length = 0;
  const baselineA = fitBaselineA(all);
  const baselineB = fitBaselineB(all, reference, (i) => dataset.establishments.departement[i] as number);
  say("  Références A et B ajustées");
  const train = stackTrainingSets(sampled);
  const boost = { ...defaultBoostParams, ...options.boost };
  const tremplin = fitTremplinModel(train, boost, (round, deviance) => {
    if (round % 50 === 49) say(`  Arbres : ${round + 1}, déviance de validation ${deviance.toFixed(4)}`);
  });
  say(`  Modèle Tremplin : ${tremplin.boost.trees.length} arbres sur ${formatInt(train.target.length)} lignes`);
  return { asOf, halfYears, snapshots, trainingRows: train.target.length, baselineA, baselineB, tremplin };
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
