import { type CliCommand, UsageError } from "../../cli/command.js";
import { migrateToLatest } from "../../db/migrate.js";
import { isReferenceDataMissing, loadReferenceData } from "../reference/load-reference.js";
import { existingFile, positiveInt } from "../sirene/cli.js";
import { importCatalogue } from "./import-catalogue.js";

export const importCatalogueCommand: CliCommand = {
  name: "import:catalogue",
  summary:
    "Importe le catalogue des formations en apprentissage (JSON du catalogue national ou de l'API La bonne alternance ; .json ou .json.gz)",
  usage:
    "import:catalogue <fichier.json> [--rejets <fichier.csv>] [--remplacer] [--qualite-inconnue certifie|non-certifie] [--progression <n>] [--lot <n>]",
  options: {
    rejets: { type: "string" },
    remplacer: { type: "boolean" },
    "qualite-inconnue": { type: "string" },
    progression: { type: "string" },
    lot: { type: "string" },
  },
  async run({ values, positionals }, { database, print }) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier du catalogue.");
    const file = existingFile(positionals[0], "le fichier du catalogue");
    const unknownQuality = values["qualite-inconnue"] ?? "certifie";
    if (unknownQuality !== "certifie" && unknownQuality !== "non-certifie") {
      throw new UsageError("--qualite-inconnue attend « certifie » ou « non-certifie ».");
    }
    const rejectsFile = typeof values.rejets === "string" ? values.rejets : undefined;
    const { db } = await database();
    await migrateToLatest(db);
    // Titles, levels and ROME codes come from the diplomas and RNCP → ROME references.
    if (await isReferenceDataMissing(db)) await loadReferenceData(db, print);
    const result = await importCatalogue(
      db,
      {
        file,
        rejectsFile,
        replace: values.remplacer === true,
        defaultCertified: unknownQuality === "certifie",
        progressEvery: positiveInt(values.progression, "progression", 10_000),
        batchSize: positiveInt(values.lot, "lot", 1_000),
      },
      print,
    );
    if (rejectsFile && result.rejected > 0) print(`Enregistrements rejetés écrits dans ${rejectsFile}.`);
  },
};
