import { existsSync } from "node:fs";
import path from "node:path";
import { type CliCommand, UsageError } from "../../cli/command.js";
import { migrateToLatest } from "../../db/migrate.js";
import { isReferenceDataMissing, loadReferenceData } from "../reference/load-reference.js";
import { importSirene } from "./import-sirene.js";

/** Resolves a path given on the command line and checks that it exists. */
export function existingFile(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") throw new UsageError(`Indiquez ${what}.`);
  // npm workspaces run the CLI from packages/server: relative paths are taken from where npm was called.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
  if (!existsSync(file)) throw new UsageError(`Fichier introuvable : ${value}`);
  return file;
}

export function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} attend un nombre entier positif.`);
  return n;
}

export const importSireneCommand: CliCommand = {
  name: "import:sirene",
  summary: "Importe le stock Sirene (StockEtablissement, et StockUniteLegale pour les noms) : .csv, .gz ou .zip",
  usage:
    "import:sirene <StockEtablissement> [--unites-legales <StockUniteLegale>] [--rejets <fichier.csv>] [--progression <lignes>] [--lot <lignes>]",
  options: {
    "unites-legales": { type: "string" },
    rejets: { type: "string" },
    progression: { type: "string" },
    lot: { type: "string" },
  },
  async run({ values, positionals }, { database, print }) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier StockEtablissement.");
    const establishments = existingFile(positionals[0], "le fichier StockEtablissement");
    const legalUnits =
      values["unites-legales"] !== undefined
        ? existingFile(values["unites-legales"], "le fichier StockUniteLegale")
        : undefined;
    const rejectsFile = typeof values.rejets === "string" ? values.rejets : undefined;
    const { db } = await database();
    await migrateToLatest(db);
    // Commune centres are the fallback positions: a new database gets its reference data first.
    if (await isReferenceDataMissing(db)) await loadReferenceData(db, print);
    const result = await importSirene(
      db,
      {
        establishments,
        legalUnits,
        rejectsFile,
        progressEvery: positiveInt(values.progression, "progression", 100_000),
        batchSize: positiveInt(values.lot, "lot", 5_000),
      },
      print,
    );
    if (!legalUnits) {
      print("Sans --unites-legales, seuls les établissements dont l'unité légale est déjà connue ont un nom.");
    }
    if (rejectsFile && (result.establishments.rejected > 0 || (result.legalUnits?.rejected ?? 0) > 0)) {
      print(`Lignes rejetées écrites dans ${rejectsFile}.`);
    }
  },
};
