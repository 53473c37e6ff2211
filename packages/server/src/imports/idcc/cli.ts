import { type CliCommand, UsageError } from "../../cli/command.js";
import { migrateToLatest } from "../../db/migrate.js";
import { existingFile, positiveInt } from "../sirene/cli.js";
import { importIdcc } from "./import-idcc.js";

export const importIdccCommand: CliCommand = {
  name: "import:idcc",
  summary: "Importe les conventions collectives par SIRET (SIRET;MOIS;IDCC;DATE_MAJ) : l'OPCO en découle",
  usage: "import:idcc <fichier> [--rejets <fichier.csv>] [--progression <lignes>]",
  options: { rejets: { type: "string" }, progression: { type: "string" } },
  async run({ values, positionals }, { database, print }) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier IDCC par SIRET.");
    const file = existingFile(positionals[0], "le fichier IDCC");
    const { db } = await database();
    await migrateToLatest(db);
    await importIdcc(
      db,
      {
        file,
        rejectsFile: typeof values.rejets === "string" ? values.rejets : undefined,
        progressEvery: positiveInt(values.progression, "progression", 100_000),
      },
      print,
    );
  },
};
