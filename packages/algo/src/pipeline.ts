import type { Dataset } from "./data/dataset.js";
import { runBacktest } from "./evaluate/backtest.js";
import { renderReportMarkdown } from "./evaluate/markdown.js";
import type { EvaluationReport } from "./evaluate/report.js";
import { renderCaptureChartSvg } from "./evaluate/svg.js";
import { buildFeatures, eligibleRows } from "./features/build.js";
import { type GeneratorAssumptions, scenarios } from "./generate/assumptions.js";
import { type GeneratedData, generateDataset } from "./generate/generate.js";
import { type FitOptions, type FittedModels, fitModels, formatInt } from "./models/fit.js";
import { loadAlgoReference } from "./reference/load.js";
import type { AlgoReference } from "./reference/types.js";
import { type ExposureRules, type ScoredEstablishments, scoreEstablishments } from "./score/score.js";
import { isoOfDay } from "./time/day.js";

export type PipelineSource =
  | { kind: "generate"; establishments: number; years: number; seed: number; scenario?: string | GeneratorAssumptions }
  | { kind: "dataset"; dataset: Dataset; optedOut?: Uint8Array };

export interface PipelineOptions {
  source: PipelineSource;
  reference?: AlgoReference;
  fit?: FitOptions;
  rules?: ExposureRules;
  /** ISO timestamp written in the report (the library reads no clock). */
  createdAt?: string;
  /** French progress lines, for a progress display or a log. */
  onProgress?: (line: string) => void;
  /** Skip the backtest (scoring only). */
  skipBacktest?: boolean;
}

export interface StageTiming {
  stage: string;
  label: string;
  ms: number;
}

export interface PipelineResult {
  reference: AlgoReference;
  dataset: Dataset;
  generated: GeneratedData | null;
  report: EvaluationReport | null;
  markdown: string | null;
  svg: string | null;
  production: FittedModels;
  scored: ScoredEstablishments;
  timings: StageTiming[];
}

/** Resolves a scenario name (or object) to the generator's assumptions. */
export function resolveScenario(scenario: string | GeneratorAssumptions | undefined): GeneratorAssumptions {
  if (scenario === undefined) return scenarios.reference as GeneratorAssumptions;
  if (typeof scenario !== "string") return scenario;
  const found = scenarios[scenario];
  if (!found) throw new Error(`Scénario inconnu : « ${scenario} » (connus : ${Object.keys(scenarios).join(", ")})`);
  return found;
}

/**
 * The whole prediction run: data (generated or given) → backtest (fit on the past, evaluate on the
 * last 6 months, report) → production fit on everything → scores and exposure as of the data's
 * end. Stages are timed; each says what it does in French through `onProgress`.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const say = options.onProgress ?? (() => {});
  const timings: StageTiming[] = [];
  const stage = async <T>(id: string, label: string, run: () => T | Promise<T>): Promise<T> => {
    say(`${label}…`);
    const start = performance.now();
    const out = await run();
    const ms = performance.now() - start;
    timings.push({ stage: id, label, ms });
    say(`${label} : terminé en ${(ms / 1000).toFixed(1).replace(".", ",")} s`);
    return out;
  };
  const reference =
    options.reference ?? (await stage("reference", "Chargement des données de référence", () => loadAlgoReference()));
  let generated: GeneratedData | null = null;
  let dataset: Dataset;
  let optedOut: Uint8Array | undefined;
  const source = options.source;
  if (source.kind === "generate") {
    const assumptions = resolveScenario(source.scenario);
    generated = await stage(
      "generate",
      `Génération de ${formatInt(source.establishments)} établissements sur ${source.years} ans (scénario « ${assumptions.name} »)`,
      () =>
        generateDataset(reference, {
          establishments: source.establishments,
          years: source.years,
          seed: source.seed,
          assumptions,
        }),
    );
    dataset = generated.dataset;
    optedOut = generated.optedOut;
    say(
      `  ${formatInt(dataset.contracts.days.length)} contrats en alternance, ${formatInt(dataset.hires.days.length)} autres embauches`,
    );
  } else {
    dataset = source.dataset;
    optedOut = source.optedOut;
  }
  const fit: FitOptions = { ...options.fit, onProgress: say };
  let report: EvaluationReport | null = null;
  let markdown: string | null = null;
  let svg: string | null = null;
  if (!options.skipBacktest) {
    const result = await stage(
      "backtest",
      "Backtest (apprentissage sur le passé, évaluation sur les 6 derniers mois)",
      () =>
        runBacktest(dataset, reference, {
          ...fit,
          oracle: generated?.oracle,
          scenario: generated
            ? { name: generated.assumptions.name, description: generated.assumptions.description }
            : undefined,
          createdAt: options.createdAt,
        }),
    );
    report = result.report;
    markdown = renderReportMarkdown(report, "backtest.svg");
    svg = renderCaptureChartSvg(report);
  }
  const asOf = dataset.coverage.end;
  const production = await stage(
    "fit",
    `Apprentissage du modèle de production (prédictions au ${isoOfDay(asOf)})`,
    () => fitModels(dataset, reference, asOf, fit),
  );
  const scored = await stage("score", "Prédiction, scores et exposition par métier", () => {
    const rows = eligibleRows(dataset, asOf);
    const features = buildFeatures(dataset, reference, asOf, rows, production.halfYears);
    const predictions = production.tremplin.predict(features);
    return scoreEstablishments({ dataset, reference, asOf, rows, predictions, optedOut, rules: options.rules });
  });
  say(
    `  ${formatInt(scored.exposedEstablishments)} établissements exposés pour au moins un métier (${formatInt(scored.rome.length)} couples établissement × métier)`,
  );
  return { reference, dataset, generated, report, markdown, svg, production, scored, timings };
}
