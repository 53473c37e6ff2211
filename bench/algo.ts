import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaultExposureRules,
  type EvaluationReport,
  generateDataset,
  loadAlgoReference,
  metricsOf,
  resolveScenario,
  runPipeline,
  writeDatasetFiles,
  writeReportFiles,
} from "../packages/algo/src/index.js";
import { importEventFile } from "../packages/server/src/imports/algo/import-events.js";
import { importFinanceFile } from "../packages/server/src/imports/algo/import-finances.js";
import { insertFictionalEstablishments } from "../packages/server/src/imports/algo/load-generated.js";
import { createSecondaryIndexes, dropSecondaryIndexes } from "../packages/server/src/imports/sirene/loader.js";
import { publishRun } from "../packages/server/src/modules/algo-companies/publication-service.js";
import { scoreRun } from "../packages/server/src/modules/algo-companies/scoring-service.js";
import { openAlgoBenchDatabase } from "./_algo-db.js";
import { machineDescription } from "./_machine.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString("fr-FR");
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function option(args: string[], name: string, fallback: string): string {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] !== undefined ? (args[k + 1] as string) : fallback;
}

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

/**
 * `npm run bench -- algo [--establishments 1500000] [--years 6] [--seed 1] [--scenario reference] [--library-only]`
 * The whole prediction pipeline with its database side: generated data written as input files,
 * fictional establishments put in the directory (set-up, timed apart), then what production runs —
 * algo:import-contracts, algo:import-hires, algo:import-finances, algo:score --evaluate,
 * algo:publish — through the same functions as the CLI. PGlite on disk by default, PostgreSQL when
 * DATABASE_URL is set. `--library-only`: the in-memory pipeline alone (packages/algo).
 */
export default async function benchAlgo(args: string[]): Promise<void> {
  const establishments = Number(option(args, "establishments", "1500000"));
  const years = Number(option(args, "years", "6"));
  const seed = Number(option(args, "seed", "1"));
  const scenario = option(args, "scenario", "reference");
  if (args.includes("--library-only")) return libraryOnly(establishments, years, seed, scenario);
  const url = process.env.DATABASE_URL;
  const engine = url ? "PostgreSQL" : "PGlite (sur disque)";
  const setup: [string, number][] = [];
  const stages: [string, number][] = [];
  const time = async <T>(into: [string, number][], label: string, run: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const out = await run();
    into.push([label, performance.now() - start]);
    console.log(`⏱  ${label} : ${sec(performance.now() - start)}`);
    return out;
  };
  const say = (line: string) => console.log(line);
  const reference = await loadAlgoReference();
  let generated: ReturnType<typeof generateDataset> | null = await time(setup, "Génération (en mémoire)", () =>
    generateDataset(reference, { establishments, years, seed, assumptions: resolveScenario(scenario) }),
  );
  const dir = path.join(here, ".cache", "algo", `donnees-${establishments}-${years}ans-graine${seed}-${scenario}`);
  const done = path.join(dir, ".complet");
  const files = {
    contracts: path.join(dir, "contrats.csv.gz"),
    hires: path.join(dir, "embauches.csv.gz"),
    finances: path.join(dir, "finances.csv.gz"),
  };
  if (!existsSync(done)) {
    await time(setup, "Écriture des fichiers d'entrée (.csv.gz)", () =>
      writeDatasetFiles(dir, (generated as NonNullable<typeof generated>).dataset, reference),
    );
    writeFileSync(done, "");
  }
  const handle = await openAlgoBenchDatabase(url);
  try {
    await time(setup, "Annuaire : établissements fictifs (module entreprises, hors algorithme)", async () => {
      await dropSecondaryIndexes(handle.db);
      await handle.db
        .transaction()
        .execute((trx) => insertFictionalEstablishments(trx, generated as NonNullable<typeof generated>, reference));
      await createSecondaryIndexes(handle.db);
    });
    generated = null; // the pipeline below knows only the files and the database
    const db = handle.db;
    const now = () => new Date();
    const deps = { db, now, rules: defaultExposureRules, reference, say };
    const start = performance.now();
    await time(stages, "algo:import-contracts", () =>
      importEventFile(db, { file: files.contracts, source: "contracts", now: now() }, say),
    );
    await time(stages, "algo:import-hires", () =>
      importEventFile(db, { file: files.hires, source: "hires", now: now() }, say),
    );
    await time(stages, "algo:import-finances", () => importFinanceFile(db, { file: files.finances, now: now() }, say));
    // algo:score --evaluate: the backtest report and the scores from one reading of the data.
    const scored = await time(
      stages,
      "algo:score --evaluate (lecture, backtest et rapport, modèle, scores, écriture)",
      () => scoreRun(deps, { trigger: "bench", evaluate: { outputDir: path.join(here, ".cache", "algo") } }),
    );
    const evaluationRun = await db
      .selectFrom("algo_runs")
      .select(["report_json", "summary"])
      .where("kind", "=", "evaluate")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const evaluation = { summary: evaluationRun.summary, report: evaluationRun.report_json as EvaluationReport };
    const published = await time(stages, "algo:publish", () =>
      publishRun(db, { runId: scored.runId, actor: "bench", now: now() }),
    );
    const total = performance.now() - start;
    const size = await handle.sizeMiB();
    console.log(
      `\n## Pipeline avec base — ${fmt(establishments)} établissements × ${years} ans (${scenario}, graine ${seed}), ${engine}\n`,
    );
    console.log(`Machine : ${machineDescription()}\n`);
    console.log("| Préparation (hors pipeline) | Durée |\n| --- | ---: |");
    for (const [label, ms] of setup) console.log(`| ${label} | ${sec(ms)} |`);
    console.log("\n| Étape | Durée |\n| --- | ---: |");
    for (const [label, ms] of stages) console.log(`| ${label} | ${sec(ms)} |`);
    console.log(`| **Total du pipeline** | **${sec(total)}** |`);
    for (const run of [evaluation.summary, scored.summary] as { stages: { stage: string; ms: number }[] }[])
      console.log(`  détail : ${run.stages.map((s) => `${s.stage} ${sec(s.ms)}`).join(", ")}`);
    console.log(
      `\nMémoire maximale du processus (maxRSS, génération comprise) : ${fmt(peakMiB())} Mio ; base : ${fmt(size)} Mio`,
    );
    console.log(
      `Exposées : ${fmt(published.companies)} entreprises, ${fmt(published.pairs)} couples entreprise × métier`,
    );
    const m = metricsOf(evaluation.report, "tremplin");
    const b = metricsOf(evaluation.report, "base-b");
    console.log(
      `Backtest : top 20 % ${pct(m.capture20)} (référence B ${pct(b.capture20)}), déviance ${m.deviance.toFixed(3)} (B ${b.deviance.toFixed(3)})`,
    );
    console.log(`\nObjectifs : < 10 min ${total < 600_000 ? "✔" : "✘"} ; < 4 Gio ${peakMiB() < 4096 ? "✔" : "✘"}`);
  } finally {
    await handle.close();
  }
}

/** The in-memory pipeline alone (generation → backtest → production fit → scores), as before the database side. */
async function libraryOnly(establishments: number, years: number, seed: number, scenario: string): Promise<void> {
  const started = performance.now();
  const result = await runPipeline({
    source: { kind: "generate", establishments, years, seed, scenario },
    onProgress: (line) => console.log(line),
  });
  const total = performance.now() - started;
  if (result.report)
    console.log(`\nRapport : ${(await writeReportFiles(path.join(here, ".cache", "algo"), result.report)).markdown}`);
  console.log(
    `\n## Pipeline de prédiction (mémoire seule) — ${fmt(establishments)} établissements × ${years} ans (${scenario}, graine ${seed})\n`,
  );
  console.log(`Machine : ${machineDescription()}\n`);
  console.log("| Étape | Durée |\n| --- | ---: |");
  for (const t of result.timings) console.log(`| ${t.label} | ${sec(t.ms)} |`);
  console.log(`| **Total** | **${sec(total)}** |`);
  console.log(`\nMémoire maximale (maxRSS) : ${fmt(peakMiB())} Mio`);
  if (result.report)
    for (const id of ["base-a", "base-b", "tremplin", "oracle"]) {
      const m = metricsOf(result.report, id);
      console.log(`| ${m.label} | ${pct(m.capture10)} | ${pct(m.capture20)} | ${m.deviance.toFixed(3)} |`);
    }
}
