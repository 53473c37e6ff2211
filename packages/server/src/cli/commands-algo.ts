import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { importEventFile } from "../imports/algo/import-events.js";
import { importFinanceFile } from "../imports/algo/import-finances.js";
import { listImports } from "../imports/algo/repository.js";
import { isReferenceDataMissing, loadReferenceData } from "../imports/reference/load-reference.js";
import { existingFile, positiveInt } from "../imports/sirene/cli.js";
import { measureRunOutcomes } from "../modules/algo-companies/outcome-service.js";
import { publishRun, rollbackPublication } from "../modules/algo-companies/publication-service.js";
import { exposureRules } from "../modules/algo-companies/rules.js";
import { algoReference, evaluateRun, scoreRun } from "../modules/algo-companies/scoring-service.js";
import { type CliCommand, type CliContext, UsageError } from "./command.js";

/** The database, migrated, with its reference data (a new database gets them first). */
export async function algoDatabase(context: CliContext): Promise<Kysely<Database>> {
  const { db } = await context.database();
  await migrateToLatest(db);
  if (await isReferenceDataMissing(db)) await loadReferenceData(db, context.print);
  return db;
}

/** Who acted, for the publication history. */
export const cliActor = () => `ligne de commande (${os.userInfo().username}@${os.hostname()})`;

function optionalId(value: unknown, name: string): number | undefined {
  return value === undefined ? undefined : positiveInt(value, name, 0);
}

function asOfOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError("--as-of attend une date AAAA-MM-JJ, par exemple 2025-01-01.");
  return value;
}

const eventImport = (source: "contracts" | "hires", name: string, format: string): CliCommand => ({
  name,
  summary: `Importe ${source === "contracts" ? "les contrats d'alternance" : "les autres embauches (CDI, CDD de plus d'un mois)"} (${format}) ; .csv ou .gz`,
  usage: `${name} <fichier> [--replace-import <n° d'import>] [--buffer <événements>]`,
  options: { "replace-import": { type: "string" }, buffer: { type: "string" } },
  async run({ values, positionals }, context) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier.");
    const file = existingFile(positionals[0], "le fichier");
    const db = await algoDatabase(context);
    await importEventFile(
      db,
      {
        file,
        source,
        now: new Date(),
        replaceImportId: optionalId(values["replace-import"], "replace-import"),
        bufferEvents: positiveInt(values.buffer, "buffer", 8_000_000),
      },
      context.print,
    );
    // Contracts dated after a scoring run: how its ranking did (shown on the admin's run page).
    if (source === "contracts")
      await measureRunOutcomes(db, { reference: await algoReference(), now: new Date(), say: context.print });
  },
});

export const algoImportContracts = eventImport(
  "contracts",
  "algo:import-contracts",
  "SIRET;Date debut contrat;Type contrat;Code postal",
);
export const algoImportHires = eventImport(
  "hires",
  "algo:import-hires",
  "siret;date;contractType, ou l'extrait à 27 colonnes",
);

export const algoImportFinances: CliCommand = {
  name: "algo:import-finances",
  summary: "Importe les données financières (siren;annee;chiffre_affaires;resultat_net;effectif) ; .csv ou .gz",
  usage: "algo:import-finances <fichier>",
  async run({ positionals }, context) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier.");
    const file = existingFile(positionals[0], "le fichier");
    await importFinanceFile(await algoDatabase(context), { file, now: new Date() }, context.print);
  },
};

export const algoImports: CliCommand = {
  name: "algo:imports",
  summary: "Liste les fichiers importés pour l'algorithme (numéro, lignes retenues et rejetées, période)",
  usage: "algo:imports",
  async run(_args, context) {
    const rows = await listImports(await algoDatabase(context));
    if (rows.length === 0) context.print("Aucun import.");
    for (const r of rows)
      context.print(
        `n° ${String(r.id).padStart(4)}  ${r.source.padEnd(9)}  ${r.status === "done" ? "terminé " : "en cours"}  ${r.records.toLocaleString("fr-FR").padStart(12)} retenus  ${r.rejected.toLocaleString("fr-FR").padStart(8)} rejetés  ${r.first_day ?? "—"} → ${r.last_day ?? "—"}  ${r.file_name}`,
      );
  },
};

export const algoEvaluate: CliCommand = {
  name: "algo:evaluate",
  summary:
    "Backtest sur les données importées : rapport JSON, Markdown et graphique SVG (enregistré, et écrit dans --output)",
  usage: "algo:evaluate [--as-of AAAA-MM-JJ] [--output <dossier>]",
  options: { "as-of": { type: "string" }, output: { type: "string" } },
  async run({ values }, context) {
    const db = await algoDatabase(context);
    const outputDir =
      typeof values.output === "string"
        ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.output)
        : path.join(context.config.dataDir, "algo", "rapport");
    await evaluateRun(
      { db, now: () => new Date(), rules: exposureRules(context.config), say: context.print },
      { asOf: asOfOption(values["as-of"]), trigger: "cli", outputDir },
    );
  },
};

export const algoScore: CliCommand = {
  name: "algo:score",
  summary:
    "Prédit les recrutements des 6 mois suivant la date d'observation, note et expose les entreprises (à publier ensuite)",
  usage: "algo:score [--as-of AAAA-MM-JJ] [--output <scores.csv>] [--evaluate]",
  options: { "as-of": { type: "string" }, output: { type: "string" }, evaluate: { type: "boolean" } },
  async run({ values }, context) {
    const db = await algoDatabase(context);
    const outputCsv =
      typeof values.output === "string"
        ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.output)
        : undefined;
    await scoreRun(
      { db, now: () => new Date(), rules: exposureRules(context.config), say: context.print },
      {
        asOf: asOfOption(values["as-of"]),
        trigger: "cli",
        outputCsv,
        // Also the backtest report (as algo:evaluate), from the same reading of the data.
        ...(values.evaluate === true
          ? { evaluate: { outputDir: path.join(context.config.dataDir, "algo", "rapport") } }
          : {}),
      },
    );
    if (outputCsv) context.print(`Scores écrits dans ${outputCsv} (siret;predicted_hires;score).`);
  },
};

export const algoPublish: CliCommand = {
  name: "algo:publish",
  summary:
    "Publie un calcul de scores (le dernier par défaut) : bascule atomique, le précédent reste disponible pour algo:rollback",
  usage: "algo:publish [<n° de calcul>]",
  async run({ positionals }, context) {
    const db = await algoDatabase(context);
    const result = await publishRun(db, {
      runId: optionalId(positionals[0], "n° de calcul"),
      actor: cliActor(),
      now: new Date(),
    });
    context.print(
      `Calcul n° ${result.activeRunId} publié : ${result.companies.toLocaleString("fr-FR")} entreprises exposées (${result.pairs.toLocaleString("fr-FR")} couples entreprise × métier)` +
        (result.previousRunId ? ` ; le calcul n° ${result.previousRunId} reste disponible pour algo:rollback.` : "."),
    );
  },
};

export const algoRollback: CliCommand = {
  name: "algo:rollback",
  summary: "Rétablit la publication précédente (une seconde fois : annule le retour arrière)",
  usage: "algo:rollback",
  async run(_args, context) {
    const result = await rollbackPublication(await algoDatabase(context), { actor: cliActor(), now: new Date() });
    context.print(
      `Calcul n° ${result.activeRunId} rétabli : ${result.companies.toLocaleString("fr-FR")} entreprises exposées ; le calcul n° ${result.previousRunId} est mis de côté.`,
    );
  },
};
