import path from "node:path";
import {
  DEFAULT_END,
  generateDataset,
  isoOfDay,
  parseIsoDay,
  resolveScenario,
  writeDatasetFiles,
} from "@tremplin/algo";
import { importEventFile } from "../imports/algo/import-events.js";
import { importFinanceFile } from "../imports/algo/import-finances.js";
import { insertFictionalEstablishments } from "../imports/algo/load-generated.js";
import { positiveInt } from "../imports/sirene/cli.js";
import { algoReference } from "../modules/algo-companies/scoring-service.js";
import { type CliCommand, UsageError } from "./command.js";
import { algoDatabase } from "./commands-algo.js";

const n = (x: number) => x.toLocaleString("fr-FR");

/**
 * `algo:generate`: a fictional, national-shaped data set for the demo, tests and benchmarks. It
 * always writes the four input files (so they can be inspected or imported elsewhere); unless
 * `--files-only`, it then adds the fictional establishments the directory lacks and imports the
 * files through the same importers as real data. Refused in production: generated SIRETs are
 * valid numbers that could be real companies'.
 */
export const algoGenerate: CliCommand = {
  name: "algo:generate",
  summary:
    "Génère un jeu de données fictif de forme nationale (fichiers d'entrée), puis le charge (annuaire fictif, imports)",
  usage:
    "algo:generate --establishments <n> [--years 6] [--seed 1] [--scenario reference] [--end AAAA-MM-01] [--output <dossier>] [--files-only]",
  options: {
    establishments: { type: "string" },
    years: { type: "string" },
    seed: { type: "string" },
    scenario: { type: "string" },
    end: { type: "string" },
    output: { type: "string" },
    "files-only": { type: "boolean" },
  },
  async run({ values }, context) {
    if (values.establishments === undefined)
      throw new UsageError("Indiquez le nombre d'établissements : --establishments <n>.");
    const establishments = positiveInt(values.establishments, "establishments", 0);
    const years = positiveInt(values.years, "years", 6);
    const seed = positiveInt(values.seed, "seed", 1);
    let end = DEFAULT_END;
    if (typeof values.end === "string") {
      if (!/^\d{4}-\d{2}-01$/.test(values.end))
        throw new UsageError("--end attend le premier jour d'un mois, par exemple 2025-01-01.");
      end = parseIsoDay(values.end);
    }
    const filesOnly = values["files-only"] === true;
    if (!filesOnly && context.config.env === "production")
      throw new UsageError(
        "Un jeu fictif ne se charge pas en production (ses SIRET pourraient être ceux de vraies entreprises). Utilisez --files-only.",
      );
    const assumptions = (() => {
      try {
        return resolveScenario(typeof values.scenario === "string" ? values.scenario : undefined);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    })();
    const dir =
      typeof values.output === "string"
        ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.output)
        : path.join(context.config.dataDir, "algo", `genere-${establishments}-${years}ans-graine${seed}`);
    const reference = await algoReference();
    context.print(
      `Génération de ${n(establishments)} établissements sur ${years} ans (scénario « ${assumptions.name} », graine ${seed})…`,
    );
    const generated = generateDataset(reference, { establishments, years, seed, end, assumptions });
    const d = generated.dataset;
    context.print(
      `  ${n(d.contracts.days.length)} contrats d'alternance et ${n(d.hires.days.length)} autres embauches du ${isoOfDay(d.coverage.start)} au ${isoOfDay(d.coverage.end - 1)}`,
    );
    const files = await writeDatasetFiles(dir, d, reference);
    context.print(
      `Fichiers écrits dans ${dir} : ${Object.values(files)
        .filter(Boolean)
        .map((f) => path.basename(f as string))
        .join(", ")}`,
    );
    if (filesOnly) return;
    const db = await algoDatabase(context);
    context.print("Ajout des établissements fictifs absents de l'annuaire…");
    const added = await db.transaction().execute((trx) => insertFictionalEstablishments(trx, generated, reference));
    context.print(`  ${n(added)} établissements fictifs ajoutés (ceux déjà présents sont laissés tels quels).`);
    const now = new Date();
    await importEventFile(db, { file: files.contracts, source: "contracts", now }, context.print);
    await importEventFile(db, { file: files.hires, source: "hires", now }, context.print);
    if (files.finances) await importFinanceFile(db, { file: files.finances, now }, context.print);
    context.print("Jeu fictif chargé. Suite : algo:evaluate, puis algo:score et algo:publish.");
  },
};
