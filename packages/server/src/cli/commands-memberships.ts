import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { importOpcoContacts } from "../modules/accounts/opco-contacts-import.js";
import { type CliCommand, UsageError } from "./command.js";

export const importOpcoContactsCommand: CliCommand = {
  name: "import:opco-contacts",
  summary:
    "Importe le fichier des adhérents d'un OPCO (CSV « SIRET;email ») : ces adresses sont vérifiées dès leur inscription",
  usage: "import:opco-contacts <fichier.csv>",
  async run({ positionals }, { database, print }) {
    if (positionals.length !== 1) throw new UsageError("Indiquez un (et un seul) fichier CSV.");
    const file = positionals[0] as string;
    const content = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`Fichier introuvable ou illisible : ${file}`);
    });
    const { db } = await database();
    const report = await importOpcoContacts(db, content, basename(file), new Date());
    print(
      `${report.lines} ligne(s) lue(s) : ${report.imported} contact(s) ajouté(s), ${report.alreadyKnown} déjà connu(s), ${report.rejected.length} refusée(s).`,
    );
    for (const r of report.rejected) print(`  ligne ${r.line} refusée — ${r.reason} : ${r.text}`);
  },
};
