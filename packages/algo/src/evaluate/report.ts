import type { CalibrationBin } from "./metrics.js";
import type { TopSharesTable } from "./top-shares.js";

/** Every figure of one model (or of the oracle) on the evaluation window. */
export interface ModelMetrics {
  id: string;
  label: string;
  /** Share of actual hires made by the top 10 % / 20 % of establishments ranked by the model. */
  capture10: number;
  capture20: number;
  /** Share of the top 1 %, 5 %, 10 % that made at least one hire. */
  precision1: number;
  precision5: number;
  precision10: number;
  /** Mean Poisson deviance (lower is better). */
  deviance: number;
  totalPredicted: number;
  calibration: CalibrationBin[];
  /** Capture at each of EvaluationReport.curveSteps. */
  curve: number[];
}

/** Figures of one région or NAF section, per model. */
export interface GroupMetrics {
  code: string;
  label: string;
  establishments: number;
  hires: number;
  byModel: Record<string, { capture20: number; deviance: number }>;
}

export interface EvaluationReport {
  title: string;
  /** ISO timestamp given by the caller (the library reads no clock). */
  createdAt: string | null;
  scenario: { name: string; description: string } | null;
  protocol: {
    trainingAsOf: string[];
    evaluationAsOf: string;
    evaluationEnd: string;
    halfYears: number;
    trainingRows: number;
    /** Weight of the classic regression in Tremplin's prediction. */
    blendWeight: number;
  };
  data: {
    establishments: number;
    evaluated: number;
    contracts: number;
    otherHires: number;
    coverageStart: string;
    coverageEnd: string;
    actualHires: number;
  };
  models: ModelMetrics[];
  oracle: ModelMetrics | null;
  /**
   * Share of the distance from baseline B to the oracle that Tremplin's model covers
   * (1 = as good as the oracle, 0 = no better than baseline B); null without an oracle.
   */
  gapClosed: { capture10: number; capture20: number; deviance: number } | null;
  beatsBaselines: boolean;
  regions: GroupMetrics[];
  sections: GroupMetrics[];
  importance: { feature: string; share: number }[];
  curveSteps: number[];
  /**
   * La Bonne Boîte's measure for Tremplin's model: share of the hires made by its top 10 %, 20 % …,
   * overall and per région and NAF section; `byModel`: the overall line of every model.
   */
  topShares: TopSharesTable & { byModel: Record<string, number[]> };
}

export const CURVE_STEPS = Array.from({ length: 51 }, (_, k) => k / 100);

/** The model of the report by id (throws when absent, so a typo never reads as "0 %"). */
export function metricsOf(report: EvaluationReport, id: string): ModelMetrics {
  const m = report.models.find((x) => x.id === id) ?? (id === "oracle" ? report.oracle : undefined);
  if (!m) throw new Error(`Modèle absent du rapport : ${id}`);
  return m;
}
