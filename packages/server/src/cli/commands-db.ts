import { prepareDatabase } from "../bootstrap.js";
import { migrateToLatest } from "../db/migrate.js";
import { loadReferenceData } from "../imports/reference/load-reference.js";
import type { CliCommand } from "./command.js";

export const dbMigrate: CliCommand = {
  name: "db:migrate",
  summary: "Applique les migrations en attente",
  usage: "db:migrate",
  async run(_args, { database, print }) {
    const { db } = await database();
    const applied = await migrateToLatest(db);
    print(
      applied.length
        ? `Migrations appliquées : ${applied.join(", ")}`
        : "La base est à jour : aucune migration en attente.",
    );
  },
};

export const dbSetup: CliCommand = {
  name: "db:setup",
  summary: "Migre, charge les référentiels et le jeu de démonstration si la base est vide (comme npm start)",
  usage: "db:setup",
  async run(_args, { database, config, print }) {
    await prepareDatabase(await database(), config, print);
    print("Base prête.");
  },
};

export const loadReference: CliCommand = {
  name: "data:load-reference",
  summary: "Charge (ou recharge) les référentiels de data/reference : ROME, communes, NAF, OPCO, diplômes",
  usage: "data:load-reference [--verbose]",
  options: { verbose: { type: "boolean", short: "v" } },
  async run({ values }, { database, print }) {
    const { db } = await database();
    await migrateToLatest(db);
    const result = await loadReferenceData(db, print);
    for (const dataset of result.datasets) {
      if (dataset.warnings.length === 0) continue;
      print(`${dataset.name} : ${dataset.warnings.length} ligne(s) ignorée(s)`);
      const shown = values.verbose ? dataset.warnings : dataset.warnings.slice(0, 3);
      for (const warning of shown) print(`  - ${warning}`);
      if (!values.verbose && dataset.warnings.length > 3) print("  … (--verbose pour tout voir)");
    }
  },
};
