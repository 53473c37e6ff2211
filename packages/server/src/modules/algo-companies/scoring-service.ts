import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import {
  type AlgoReference,
  buildFeatures,
  type ExposureRules,
  eligibleRows,
  exposedCompanies,
  type FitOptions,
  fitModels,
  isoOfDay,
  loadAlgoReference,
  renderCaptureChartSvg,
  renderReportMarkdown,
  runBacktest,
  type ScoredEstablishments,
  scoreEstablishments,
  siretString,
  writeReportFiles,
} from "@tremplin/algo";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { type LoadedDataset, loadDataset } from "./dataset-loader.js";
import * as runs from "./runs-repository.js";

export interface AlgoRunDeps {
  db: runs.Db;
  now: () => Date;
  rules: ExposureRules;
  say?: ProgressReporter;
  fit?: FitOptions;
  /** Injected in tests and the demo; loaded once per process otherwise. */
  reference?: AlgoReference;
}

/** Cache of the reference tables: read-only data, loaded on first use and shared by the process. */
let cachedReference: Promise<AlgoReference> | null = null;

/** The algorithm's reference tables (NAF, ROME, affinities, communes), loaded once per process. */
export function algoReference(): Promise<AlgoReference> {
  cachedReference ??= loadAlgoReference();
  return cachedReference;
}

/** Scoring runs whose score rows are kept besides the active and previous ones. */
const KEEP_RUNS = 3;
const BATCH = 20_000;
const n = (x: number) => x.toLocaleString("fr-FR");

interface Stage {
  stage: string;
  ms: number;
}

async function timed<T>(stages: Stage[], stage: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  stages.push({ stage, ms: Math.round(performance.now() - start) });
  return out;
}

/** Runs `work` inside a run record: marked succeeded with its summary, or failed with the error. */
async function withRun<T extends { summary: unknown }>(
  deps: AlgoRunDeps,
  run: { kind: "evaluate" | "score"; trigger: string; asOf?: string },
  work: (runId: number) => Promise<T>,
): Promise<T & { runId: number }> {
  const runId = await runs.createRun(deps.db, {
    kind: run.kind,
    trigger: run.trigger,
    asOf: run.asOf ?? null,
    parameters: { rules: deps.rules, asOf: run.asOf ?? null },
    now: deps.now(),
  });
  try {
    return { ...(await work(runId)), runId };
  } catch (error) {
    await runs.finishRun(deps.db, runId, { status: "failed", error: (error as Error).message, now: deps.now() });
    throw error;
  }
}

/**
 * `algo:evaluate`: the temporal backtest on the stored data (fit as of T − 6 months, compare with
 * the last 6 months), stored with its report (JSON, Markdown, SVG chart) and written to `outputDir`.
 */
export async function evaluateRun(
  deps: AlgoRunDeps,
  options: { asOf?: string; trigger: string; outputDir?: string; loaded?: LoadedDataset },
) {
  const say = deps.say ?? (() => {});
  return withRun(deps, { kind: "evaluate", ...options }, async (runId) => {
    const stages: Stage[] = [];
    const reference = deps.reference ?? (await algoReference());
    const loaded =
      options.loaded ??
      (await timed(stages, "read", () => loadDataset(deps.db, reference, { asOf: options.asOf, say })));
    const createdAt = deps.now().toISOString();
    const result = await timed(stages, "backtest", () =>
      runBacktest(loaded.dataset, reference, { ...deps.fit, onProgress: say, createdAt }),
    );
    const report = {
      json: result.report,
      // Served at …/runs/:id/report.md, next to …/report.svg: the image link is relative.
      markdown: renderReportMarkdown(result.report, "report.svg"),
      svg: renderCaptureChartSvg(result.report),
    };
    const files = options.outputDir ? await writeReportFiles(options.outputDir, result.report) : null;
    const summary = { asOf: isoOfDay(loaded.asOf), counts: loaded.counts, warnings: loaded.warnings, stages };
    await runs.finishRun(deps.db, runId, {
      status: "succeeded",
      asOf: isoOfDay(loaded.asOf),
      summary,
      report,
      now: deps.now(),
    });
    say(`Évaluation n° ${runId} enregistrée${files ? ` ; rapport : ${files.markdown}` : ""}.`);
    return { summary, report: result.report, files };
  });
}

/**
 * `algo:score`: fits the production model as of the as-of date on data before it, predicts the
 * next 6 months for every open establishment, and stores the scores and the exposed set of a new
 * run (not yet published). With `outputCsv`, also writes `siret;predicted_hires;score`.
 */
export async function scoreRun(
  deps: AlgoRunDeps,
  options: { asOf?: string; trigger: string; outputCsv?: string; evaluate?: { outputDir?: string } },
) {
  const say = deps.say ?? (() => {});
  return withRun(deps, { kind: "score", ...options }, async (runId) => {
    const stages: Stage[] = [];
    const reference = deps.reference ?? (await algoReference());
    const loaded = await timed(stages, "read", () => loadDataset(deps.db, reference, { asOf: options.asOf, say }));
    // `algo:score --evaluate`: the backtest report of the same data, without reading it twice.
    if (options.evaluate)
      await evaluateRun(deps, {
        asOf: options.asOf,
        trigger: options.trigger,
        outputDir: options.evaluate.outputDir,
        loaded,
      });
    const { dataset, asOf } = loaded;
    say(`Apprentissage du modèle de production (prédictions à partir du ${isoOfDay(asOf)})…`);
    const fitted = await timed(stages, "fit", () =>
      fitModels(dataset, reference, asOf, { ...deps.fit, onProgress: say }),
    );
    const scored = await timed(stages, "score", () => {
      const rows = eligibleRows(dataset, asOf);
      const features = buildFeatures(dataset, reference, asOf, rows, fitted.halfYears);
      const predictions = fitted.tremplin.predict(features);
      return scoreEstablishments({
        dataset,
        reference,
        asOf,
        rows,
        predictions,
        optedOut: loaded.optedOut,
        rules: deps.rules,
      });
    });
    if (options.outputCsv)
      await timed(stages, "csv", () => writeScoresCsv(options.outputCsv as string, scored, loaded));
    say(`Écriture des scores de ${n(scored.rows.length)} établissements et des entreprises exposées…`);
    const written = await timed(stages, "write", () =>
      deps.db.transaction().execute(async (trx) => {
        await writeScores(trx, runId, scored, loaded);
        return writeExposed(trx, runId, scored, loaded, reference);
      }),
    );
    const exclusions = [0, 0, 0, 0];
    for (const x of scored.exclusion) exclusions[x] = (exclusions[x] as number) + 1;
    const summary = {
      asOf: isoOfDay(asOf),
      counts: loaded.counts,
      warnings: loaded.warnings,
      model: {
        trees: fitted.tremplin.boost.trees.length,
        trainingRows: fitted.trainingRows,
        importance: fitted.tremplin.importance.slice(0, 10),
      },
      scored: scored.rows.length,
      excluded: { closed: exclusions[1], optedOut: exclusions[2], trainingOrganisation: exclusions[3] },
      exposed: written,
      rules: deps.rules,
      stages,
    };
    await runs.finishRun(deps.db, runId, { status: "succeeded", asOf: isoOfDay(asOf), summary, now: deps.now() });
    const pruned = await runs.pruneRunRows(deps.db, KEEP_RUNS);
    say(
      `Calcul n° ${runId} terminé : ${n(written.companies)} entreprises exposées pour ${n(written.pairs)} couples entreprise × métier` +
        ` (${n(written.unplaced)} couples écartés faute de position, d'activité ou de diffusion dans l'annuaire). À publier avec algo:publish ${runId}.` +
        (pruned > 0 ? ` Scores de ${pruned} calcul(s) ancien(s) libérés.` : ""),
    );
    return { summary };
  });
}

async function writeScores(db: runs.Db, runId: number, scored: ScoredEstablishments, loaded: LoadedDataset) {
  const table = loaded.dataset.establishments;
  for (let from = 0; from < scored.rows.length; from += BATCH) {
    const to = Math.min(scored.rows.length, from + BATCH);
    const idx = Array.from({ length: to - from }, (_, k) => from + k);
    await runs.insertScores(db, runId, {
      sirets: idx.map((r) => siretString(table, scored.rows[r] as number)),
      predicted: idx.map((r) => scored.predicted[r] as number),
      scores: idx.map((r) => Math.round((scored.score[r] as number) * 10) / 10),
      exclusions: idx.map((r) => scored.exclusion[r] as number),
    });
  }
}

async function writeExposed(
  db: runs.Db,
  runId: number,
  scored: ScoredEstablishments,
  loaded: LoadedDataset,
  reference: AlgoReference,
): Promise<{ companies: number; pairs: number; unplaced: number }> {
  let batch: runs.ExposedBatch = { sirets: [], romes: [], labels: [], scores: [], companyScores: [], explanations: [] };
  let offered = 0;
  let written = 0;
  const flush = async () => {
    written += await runs.insertExposed(db, runId, batch);
    batch = { sirets: [], romes: [], labels: [], scores: [], companyScores: [], explanations: [] };
  };
  for (const company of exposedCompanies(scored, loaded.dataset, reference)) {
    for (const job of company.romes) {
      batch.sirets.push(company.siret);
      batch.romes.push(job.rome);
      batch.labels.push(job.label);
      batch.scores.push(job.score);
      batch.companyScores.push(company.score);
      batch.explanations.push(job.explanation);
      offered++;
    }
    if (batch.sirets.length >= BATCH) await flush();
  }
  await flush();
  const counts = await runs.countExposed(db, runId);
  return { ...counts, unplaced: offered - written };
}

/** `siret;predicted_hires;score` for every scored establishment, for anyone to audit. */
async function writeScoresCsv(file: string, scored: ScoredEstablishments, loaded: LoadedDataset): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const table = loaded.dataset.establishments;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("siret;predicted_hires;score\n");
  let chunk = "";
  for (let r = 0; r < scored.rows.length; r++) {
    chunk += `${siretString(table, scored.rows[r] as number)};${(scored.predicted[r] as number).toFixed(4)};${(scored.score[r] as number).toFixed(1)}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}
