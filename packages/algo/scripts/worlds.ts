/**
 * Backtests the models on the harder family of generated worlds (or the older scenarios) and
 * prints one line per world, for each fitting variant asked.
 *   npx tsx packages/algo/scripts/worlds.ts [--seeds tuning|test|heldOut|11,12] [--establishments 10000]
 *     [--worlds a,b | --worlds scenarios] [--variants production,previous,…]
 * Tuning uses the tuning seeds only; the held-out seeds are for the final figures of docs/algorithm.md.
 */

import { evaluateWorld, fitVariants } from "../src/evaluate/worlds.js";
import { hardWorldNames, hardWorldSeeds } from "../src/generate/assumptions.js";
import { loadAlgoReference } from "../src/reference/load.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? (args[k + 1] ?? fallback) : fallback;
};
const seedArg = arg("seeds", "tuning");
const seeds =
  seedArg in hardWorldSeeds
    ? [...hardWorldSeeds[seedArg as keyof typeof hardWorldSeeds]]
    : seedArg.split(",").map(Number);
const establishments = Number(arg("establishments", "10000"));
const worldArg = arg("worlds", "hard");
const worlds =
  worldArg === "hard"
    ? hardWorldNames
    : worldArg === "scenarios"
      ? ["reference", "tendances", "entrees-sorties", "saisonnalite", "bruit"]
      : worldArg.split(",");
const variants = arg("variants", "production").split(",");
const reference = await loadAlgoReference();
const pct = (x: number) => `${(100 * x).toFixed(1)}`;
for (const variant of variants) {
  const fit = fitVariants[variant];
  if (!fit) throw new Error(`Variante inconnue : ${variant} (${Object.keys(fitVariants).join(", ")})`);
  let gap10 = 0;
  let gapDev = 0;
  let count = 0;
  let beatsAll = true;
  for (const world of worlds)
    for (const seed of seeds) {
      const start = performance.now();
      const r = evaluateWorld(reference, world, seed, establishments, fit);
      const m = r.byModel;
      const beats = (["base-a", "base-b"] as const).every(
        (id) => m.tremplin.capture10 > m[id].capture10 && m.tremplin.deviance < m[id].deviance,
      );
      beatsAll &&= beats;
      console.log(
        [
          variant.padEnd(12),
          world.padEnd(20),
          String(seed).padStart(4),
          ...(["base-a", "base-b", "tremplin", "oracle"] as const).map(
            (id) => `${pct(m[id].capture10)}/${pct(m[id].capture20)}/${m[id].deviance.toFixed(3)}`,
          ),
          `gap10 ${pct(r.gapClosed10)} gapDev ${pct(r.gapClosedDeviance)}`,
          beats ? "bat A et B" : "NE BAT PAS",
          `w=${r.blendWeight}`,
          `${((performance.now() - start) / 1000).toFixed(1)}s`,
        ].join("  "),
      );
      gap10 += r.gapClosed10;
      gapDev += r.gapClosedDeviance;
      count++;
    }
  console.log(
    `${variant}: mean gap closed top 10 % ${pct(gap10 / count)} %, deviance ${pct(gapDev / count)} %; ${beatsAll ? "beats both everywhere" : "FAILS somewhere"}`,
  );
}
