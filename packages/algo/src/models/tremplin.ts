import type { FeatureMatrix } from "../features/matrix.js";
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
 * Tremplin's model: gradient-boosted Poisson trees on the full feature set (history, other hires,
 * trends, recency, size, age, pooled NAF / size / département rates, season, finances).
 */
export interface TremplinModel extends CountModel {
  boost: PoissonBoost;
  featureNames: string[];
  importance: { feature: string; share: number }[];
}

export function fitTremplinModel(
  train: TrainingSet,
  params: BoostParams = defaultBoostParams,
  onRound?: (round: number, deviance: number) => void,
): TremplinModel {
  const boost = fitPoissonBoost(train.features, train.target, train.weights, params, onRound);
  return wrapTremplinModel(boost, train.features.names);
}

/** Rebuilds the model object from its fitted parts (after `fromJson`, for instance). */
export function wrapTremplinModel(boost: PoissonBoost, featureNames: string[]): TremplinModel {
  const shares = featureImportance(boost);
  const importance = featureNames
    .map((feature, k) => ({ feature, share: shares[k] as number }))
    .sort((a, b) => b.share - a.share);
  return {
    id: "tremplin",
    label: "Modèle Tremplin : arbres de gradient, loi de Poisson",
    boost,
    featureNames,
    importance,
    predict(features: FeatureMatrix): Float64Array {
      if (features.names.join() !== featureNames.join())
        throw new Error("Variables différentes de celles de l'apprentissage");
      return predictPoissonBoost(boost, features);
    },
  };
}
