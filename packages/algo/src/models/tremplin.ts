import { type FeatureMatrix, selectColumns } from "../features/matrix.js";
import {
  type BoostParams,
  defaultBoostParams,
  featureImportance,
  fitPoissonBoost,
  type PoissonBoost,
  predictPoissonBoost,
} from "./gbt/boost.js";
import type { CountModel, TrainingSet } from "./types.js";

/**
 * Tremplin's model: gradient-boosted Poisson trees on the history, the shrunk own rate, size, age,
 * pooled NAF / size / département rates, season (and other hires and finances when the sources
 * give them), blended with the classic regression in the proportion that the held-out rows prefer.
 */
export interface TremplinModel extends CountModel {
  boost: PoissonBoost;
  featureNames: string[];
  importance: { feature: string; share: number }[];
  /** Weight of the classic regression in the prediction (0: trees only). */
  blendWeight: number;
}

export function fitTremplinModel(
  train: TrainingSet,
  params: BoostParams = defaultBoostParams,
  onRound?: (round: number, deviance: number) => void,
  validation?: Uint8Array,
): TremplinModel {
  const boost = fitPoissonBoost(train.features, train.target, train.weights, params, onRound, validation);
  return wrapTremplinModel(boost, train.features.names);
}

/** Rebuilds the model object from its fitted parts; with `blend`, mixes in another model's predictions. */
export function wrapTremplinModel(
  boost: PoissonBoost,
  featureNames: string[],
  blend?: { weight: number; model: CountModel },
): TremplinModel {
  const shares = featureImportance(boost);
  const importance = featureNames
    .map((feature, k) => ({ feature, share: shares[k] as number }))
    .sort((a, b) => b.share - a.share);
  const weight = blend?.weight ?? 0;
  return {
    id: "tremplin",
    label: "Modèle Tremplin : arbres de gradient, loi de Poisson",
    boost,
    featureNames,
    importance,
    blendWeight: weight,
    predict(features: FeatureMatrix): Float64Array {
      const trees = predictPoissonBoost(boost, selectColumns(features, featureNames));
      if (!blend || weight === 0) return trees;
      const other = blend.model.predict(features);
      return trees.map((t, r) => (1 - weight) * t + weight * (other[r] as number));
    },
  };
}
