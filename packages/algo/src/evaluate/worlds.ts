import { scenarios } from "../generate/assumptions.js";
import { generateDataset } from "../generate/generate.js";
import type { FitOptions } from "../models/fit.js";
import type { AlgoReference } from "../reference/types.js";
import { runBacktest } from "./backtest.js";
import { metricsOf } from "./report.js";

/** Top-decile capture and deviance of one model (or the oracle) on one world. */
export interface WorldFigures {
  capture10: number;
  capture20: number;
  deviance: number;
}

export interface WorldResult {
  world: string;
  seed: number;
  establishments: number;
  byModel: Record<"base-a" | "base-b" | "tremplin" | "oracle", WorldFigures>;
  /** (Tremplin − B) / (oracle − B) on the top-decile capture and on the deviance. */
  gapClosed10: number;
  gapClosedDeviance: number;
  blendWeight: number;
}

const OWN_RATE = ["alt_bayes", "alt_bayes_ratio"];
const OLD_HALVES = ["alt_s2", "alt_s3", "alt_s4", "alt_s5", "alt_s6", "alt_s7", "alt_s8", "alt_s9"];

/**
 * The fitting variants measured in docs/algorithm.md (§ Robustesse), from the model before issue 16
 * (`previous`) to the production one, one change at a time.
 */
export const fitVariants: Record<string, FitOptions> = {
  previous: { snapshots: 2, blend: false, dropFeatures: OWN_RATE },
  "own-rate": { snapshots: 2, blend: false, dropFeatures: [] },
  snapshots4: { snapshots: 4, blend: false, dropFeatures: OWN_RATE },
  blend: { snapshots: 2, blend: true, dropFeatures: OWN_RATE },
  "drop-halves": {
    snapshots: 2,
    blend: false,
    dropFeatures: [...OWN_RATE, ...OLD_HALVES, "mois_depuis_avant_dernier"],
  },
  all: { snapshots: 4, blend: true, dropFeatures: [] },
  "own-rate+snapshots4": { snapshots: 4, blend: false, dropFeatures: [] },
  "all-drop": { snapshots: 4, blend: true, dropFeatures: [...OLD_HALVES, "mois_depuis_avant_dernier"] },
  // The defaults of fitModels: what runs in production.
  production: {},
};

/** Generates one world of the harder family (or any scenario) and backtests the models on it. */
export function evaluateWorld(
  reference: AlgoReference,
  world: string,
  seed: number,
  establishments: number,
  fit: FitOptions = {},
): WorldResult {
  const assumptions = scenarios[world];
  if (!assumptions) throw new Error(`Monde inconnu : ${world}`);
  const g = generateDataset(reference, { establishments, years: 6, seed, assumptions });
  const { report } = runBacktest(g.dataset, reference, { ...fit, oracle: g.oracle });
  const pick = (id: string): WorldFigures => {
    const m = metricsOf(report, id);
    return { capture10: m.capture10, capture20: m.capture20, deviance: m.deviance };
  };
  const byModel = {
    "base-a": pick("base-a"),
    "base-b": pick("base-b"),
    tremplin: pick("tremplin"),
    oracle: pick("oracle"),
  };
  const gap = (key: keyof WorldFigures) =>
    (byModel.tremplin[key] - byModel["base-b"][key]) / (byModel.oracle[key] - byModel["base-b"][key]);
  return {
    world,
    seed,
    establishments,
    byModel,
    gapClosed10: gap("capture10"),
    gapClosedDeviance: gap("deviance"),
    blendWeight: report.protocol.blendWeight,
  };
}
