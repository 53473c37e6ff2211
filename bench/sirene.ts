import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importSirene } from "../packages/server/src/imports/sirene/import-sirene.js";
import { openBenchDatabase } from "./_bench-db.js";
import { machineDescription } from "./_machine.js";
import { writeStockEtablissement } from "./_sirene-file.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString("fr-FR");

/** A generated StockEtablissement file of `rows` rows, reused from bench/.cache when present. */
async function stockFile(rows: number, closedShare: number): Promise<string> {
  const dir = path.join(here, ".cache");
  mkdirSync(dir, { recursive: true });
  const suffix = closedShare === 0.1 ? "" : `_fermes${Math.round(closedShare * 100)}`;
  const file = path.join(dir, `StockEtablissement_bench_${rows}${suffix}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const started = Date.now();
  console.log(`Génération de ${fmt(rows)} lignes au format StockEtablissement…`);
  await writeStockEtablissement(`${file}.tmp`, rows, closedShare);
  renameSync(`${file}.tmp`, file);
  console.log(
    `  ${file} (${fmt(statSync(file).size / 2 ** 20)} Mio) en ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return file;
}

/**
 * `npm run bench -- sirene [rows] [--batch N] [--fermes P] [--une-passe] [--index-differes btree|all|none]`:
 * imports a generated StockEtablissement file of `rows` rows (default 1,000,000; P % of closed establishments,
 * default 10) into an empty directory, then again (every row an update), and prints rows per
 * minute. PGlite by default; PostgreSQL when DATABASE_URL is set.
 */
export default async function bench(args: string[]): Promise<void> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const batchSize = option("--batch");
  const deferAt = args.indexOf("--index-differes");
  const deferIndexes = deferAt >= 0 ? (args[deferAt + 1] as "btree" | "all" | "none") : undefined;
  const closedShare = (option("--fermes") ?? 10) / 100;
  const rows = Number(args.find((a, i) => /^\d+$/.test(a) && !(args[i - 1] ?? "").startsWith("--")) ?? 1_000_000);
  const passes = args.includes("--une-passe")
    ? ["base vide (insertions)"]
    : ["base vide (insertions)", "seconde passe (mises à jour)"];
  const url = process.env.DATABASE_URL;
  const engine = url ? "PostgreSQL" : "PGlite";
  const file = await stockFile(rows, closedShare);
  console.log(
    `Benchmark sirene — import de ${fmt(rows)} établissements (${Math.round(closedShare * 100)} % fermés) sur ${engine}${batchSize ? `, lots de ${batchSize}` : ""}`,
  );
  const handle = await openBenchDatabase("sirene", url);
  try {
    for (const pass of passes) {
      const result = await importSirene(
        handle.db,
        { establishments: file, progressEvery: 250_000, batchSize, deferIndexes },
        (l) => console.log(l),
      );
      const s = result.establishments;
      console.log(
        `→ ${engine}, ${pass} : ${fmt(s.rowsPerMinute)} lignes/min (${fmt(s.read)} lues, ${fmt(s.loaded)} chargées, ${fmt(s.rejected)} rejetées, ${(s.durationMs / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await handle.close();
  }
  console.log(`Machine : ${machineDescription()}`);
}
