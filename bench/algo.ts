import path from "node:path";
import { fileURLToPath } from "node:url";
import { metricsOf, runPipeline, writeReportFiles } from "../packages/algo/src/index.js";
import { machineDescription } from "./_machine.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString("fr-FR");
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function option(args: string[], name: string, fallback: string): string {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] !== undefined ? (args[k + 1] as string) : fallback;
}

/**
 * `npm run bench -- algo [--establishments 1500000] [--years 6] [--seed 1] [--scenario reference]`:
 * the whole prediction pipeline on generated data (generate → backtest → production fit → scores),
 * with wall time per stage, peak memory (maxRSS) and the machine. The report goes to bench/.cache/algo.
 */
export default async function benchAlgo(args: string[]): Promise<void> {
  const establishments = Number(option(args, "establishments", "1500000"));
  const years = Number(option(args, "years", "6"));
  const seed = Number(option(args, "seed", "1"));
  const scenario = option(args, "scenario", "reference");
  const started = performance.now();
  const result = await runPipeline({
    source: { kind: "generate", establishments, years, seed, scenario },
    onProgress: (line) => console.log(line),
  });
  const total = performance.now() - started;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  if (result.report) {
    const files = await writeReportFiles(path.join(here, ".cache", "algo"), result.report);
    console.log(`\nRapport : ${files.markdown}`);
  }
  console.log(
    `\n## Pipeline de prédiction — ${fmt(establishments)} établissements × ${years} ans (scénario ${scenario}, graine ${seed})\n`,
  );
  console.log(`Machine : ${machineDescription()}\n`);
  console.log("| Étape | Durée |\n| --- | ---: |");
  for (const t of result.timings) console.log(`| ${t.label} | ${(t.ms / 1000).toFixed(1)} s |`);
  console.log(`| **Total** | **${(total / 1000).toFixed(1)} s** |`);
  console.log(`\nMémoire maximale (maxRSS) : ${fmt(peakMiB)} Mio`);
  console.log(
    `Données : ${fmt(result.dataset.contracts.days.length)} contrats en alternance, ${fmt(result.dataset.hires.days.length)} autres embauches ; ` +
      `${fmt(result.scored.exposedEstablishments)} établissements exposés.`,
  );
  if (result.report) {
    console.log("\n| Modèle | Top 10 % | Top 20 % | Déviance |\n| --- | ---: | ---: | ---: |");
    for (const id of ["base-a", "base-b", "tremplin", "oracle"]) {
      const m = metricsOf(result.report, id);
      console.log(`| ${m.label} | ${pct(m.capture10)} | ${pct(m.capture20)} | ${m.deviance.toFixed(3)} |`);
    }
    const gap = result.report.gapClosed;
    if (gap)
      console.log(
        `\nÉcart B → oracle comblé : ${pct(gap.capture10)} (top 10 %), ${pct(gap.capture20)} (top 20 %), ${pct(gap.deviance)} (déviance)`,
      );
  }
  const withinTime = total < 600_000;
  const withinMemory = peakMiB < 4096;
  console.log(`\nObjectifs : < 10 min ${withinTime ? "✔" : "✘"} ; < 4 Gio ${withinMemory ? "✔" : "✘"}`);
}
