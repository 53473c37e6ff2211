import type { Dataset } from "../data/dataset.js";
import { buildFeatures, countContracts, eligibleRows, targetWindow } from "../features/build.js";
import { type FitOptions, type FittedModels, fitModels, formatInt } from "../models/fit.js";
import type { AlgoReference } from "../reference/types.js";
import { addMonths, type Day, type DayWindow, isoOfDay } from "../time/day.js";
import {
  calibrationByDecile,
  capture,
  captureCurve,
  meanDeviance,
  precisionAtShare,
  rankDescending,
} from "./metrics.js";
import { CURVE_STEPS, type EvaluationReport, type GroupMetrics, type ModelMetrics } from "./report.js";
import { rowGroupsOf, topShares, topSharesTable } from "./top-shares.js";

export interface BacktestOptions extends FitOptions {
  /** T, the end of the evaluation window (default: the end of the data). */
  end?: Day;
  /** The generator's expected hires for a window, when the data is generated. */
  oracle?: (window: DayWindow) => Float32Array;
  scenario?: { name: string; description: string };
  createdAt?: string;
}

export interface BacktestResult {
  report: EvaluationReport;
  fitted: FittedModels;
  /** Predictions on the evaluation rows, by model id (and "oracle"). */
  predictions: Map<string, Float64Array>;
  rows: Int32Array;
  actual: Float32Array;
}

/**
 * Temporal backtest: models are fitted as if on T − 6 months (training targets end there and no
 * later), then predict, from features as of T − 6, the contracts of T − 6 … T, which are compared
 * with what happened. The population is every establishment open on T − 6.
 */
export function runBacktest(dataset: Dataset, reference: AlgoReference, options: BacktestOptions = {}): BacktestResult {
  const say = options.onProgress ?? (() => {});
  const end = options.end ?? dataset.coverage.end;
  const asOf = addMonths(end, -6);
  say(
    `Backtest : apprentissage sur les données antérieures au ${isoOfDay(asOf)}, évaluation du ${isoOfDay(asOf)} au ${isoOfDay(end)}`,
  );
  const fitted = fitModels(dataset, reference, asOf, options);
  const rows = eligibleRows(dataset, asOf);
  const features = buildFeatures(dataset, reference, asOf, rows, fitted.halfYears);
  const window = targetWindow(asOf);
  const actual = countContracts(dataset, rows, window);
  const predictions = new Map<string, Float64Array>();
  for (const model of [fitted.baselineA, fitted.baselineB, fitted.tremplin])
    predictions.set(model.id, model.predict(features));
  if (options.oracle) {
    const truth = options.oracle(window);
    predictions.set(
      "oracle",
      Float64Array.from(rows, (i) => truth[i] as number),
    );
  }
  say(
    `  Évaluation sur ${formatInt(rows.length)} établissements et ${formatInt(actual.reduce((s, x) => s + x, 0))} contrats`,
  );
  const labels = new Map([
    [fitted.baselineA.id, fitted.baselineA.label],
    [fitted.baselineB.id, fitted.baselineB.label],
    [fitted.tremplin.id, fitted.tremplin.label],
    ["oracle", "Oracle : espérance réelle du générateur"],
  ]);
  const metrics = [...predictions].map(([id, pred]) => modelMetrics(id, labels.get(id) ?? id, pred, actual));
  const models = metrics.filter((m) => m.id !== "oracle");
  const oracle = metrics.find((m) => m.id === "oracle") ?? null;
  const byId = new Map(models.map((m) => [m.id, m]));
  const t = byId.get("tremplin") as ModelMetrics;
  const b = byId.get("base-b") as ModelMetrics;
  const a = byId.get("base-a") as ModelMetrics;
  const gap = (key: "capture10" | "capture20" | "deviance") =>
    oracle ? ((t[key] as number) - (b[key] as number)) / ((oracle[key] as number) - (b[key] as number)) : 0;
  const beats = (x: ModelMetrics) => t.capture10 > x.capture10 && t.capture20 > x.capture20 && t.deviance < x.deviance;
  const report: EvaluationReport = {
    title: "Backtest du modèle de recrutement en alternance",
    createdAt: options.createdAt ?? null,
    scenario: options.scenario ?? null,
    protocol: {
      trainingAsOf: fitted.snapshots.map(isoOfDay),
      evaluationAsOf: isoOfDay(asOf),
      evaluationEnd: isoOfDay(end),
      halfYears: fitted.halfYears,
      trainingRows: fitted.trainingRows,
      blendWeight: fitted.tremplin.blendWeight,
    },
    data: {
      establishments: dataset.establishments.n,
      evaluated: rows.length,
      contracts: dataset.contracts.days.length,
      otherHires: dataset.hires.days.length,
      coverageStart: isoOfDay(dataset.coverage.start),
      coverageEnd: isoOfDay(dataset.coverage.end),
      actualHires: actual.reduce((s, x) => s + x, 0),
    },
    models,
    oracle,
    gapClosed: oracle ? { capture10: gap("capture10"), capture20: gap("capture20"), deviance: gap("deviance") } : null,
    beatsBaselines: beats(a) && beats(b),
    regions: breakdown(dataset, reference, rows, actual, predictions, "region"),
    sections: breakdown(dataset, reference, rows, actual, predictions, "section"),
    importance: fitted.tremplin.importance.slice(0, 15),
    curveSteps: CURVE_STEPS,
    topShares: {
      ...topSharesTable(
        predictions.get("tremplin") as Float64Array,
        actual,
        rowGroupsOf(dataset, reference, rows),
        reference,
      ),
      byModel: Object.fromEntries([...predictions].map(([id, pred]) => [id, topShares(pred, actual)])),
    },
  };
  return { report, fitted, predictions, rows, actual };
}

export function modelMetrics(id: string, label: string, pred: Float64Array, actual: Float32Array): ModelMetrics {
  const order = rankDescending(pred);
  return {
    id,
    label,
    capture10: capture(pred, actual, 0.1, order),
    capture20: capture(pred, actual, 0.2, order),
    precision1: precisionAtShare(pred, actual, 0.01, order),
    precision5: precisionAtShare(pred, actual, 0.05, order),
    precision10: precisionAtShare(pred, actual, 0.1, order),
    deviance: meanDeviance(pred, actual),
    totalPredicted: pred.reduce((s, x) => s + x, 0),
    calibration: calibrationByDecile(pred, actual, order),
    curve: captureCurve(pred, actual, CURVE_STEPS, order),
  };
}

function breakdown(
  dataset: Dataset,
  reference: AlgoReference,
  rows: Int32Array,
  actual: Float32Array,
  predictions: Map<string, Float64Array>,
  by: "region" | "section",
): GroupMetrics[] {
  const e = dataset.establishments;
  const keyOf = (i: number): number => {
    if (by === "section") return reference.naf.section[e.naf[i] as number] as number;
    const dep = e.departement[i] as number;
    return dep === 255 ? -1 : (reference.departements.region[dep] as number);
  };
  const groups = new Map<number, number[]>();
  rows.forEach((i, r) => {
    const k = keyOf(i);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  });
  const codes =
    by === "section"
      ? { codes: reference.sections.codes, names: reference.sections.labels }
      : { codes: reference.regions.codes, names: reference.regions.names };
  return [...groups]
    .map(([k, positions]) => {
      const y = Float32Array.from(positions, (r) => actual[r] as number);
      const byModel: GroupMetrics["byModel"] = {};
      for (const [id, pred] of predictions) {
        const p = Float64Array.from(positions, (r) => pred[r] as number);
        byModel[id] = { capture20: capture(p, y, 0.2), deviance: meanDeviance(p, y) };
      }
      return {
        code: codes.codes[k] ?? "?",
        label: codes.names[k] ?? "Inconnu",
        establishments: positions.length,
        hires: y.reduce((s, x) => s + x, 0),
        byModel,
      };
    })
    .sort((x, y) => y.hires - x.hires);
}
