import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench -- <name> [options]` runs bench/<name>.ts, whose default export is
 * `(args: string[]) => Promise<void>`. Each benchmark prints its figures and the machine it ran on;
 * bench/README.md keeps the last ones.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts"].includes(f) && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.log(`Usage : npm run bench -- <${available.join("|")}> [options]`);
  process.exit(name ? 2 : 0);
}
const file = path.join(here, `${name}.ts`);
if (!existsSync(file)) process.exit(2);
const mod = (await import(file)) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
