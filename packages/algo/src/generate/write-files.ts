import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Dataset } from "../data/dataset.js";
import { FLAG_TRAINING_ORGANISATION, OPEN, siretString, UNKNOWN_CREATION } from "../data/establishments.js";
import { CONTRACT_APP, HIRE_CDI } from "../data/events.js";
import type { AlgoReference } from "../reference/types.js";
import { isoOfDay, ymdOfDay } from "../time/day.js";

export interface WrittenFiles {
  establishments: string;
  contracts: string;
  hires: string;
  finances: string | null;
}

const frDate = (day: number) => {
  const { year, month, day: d } = ymdOfDay(day);
  return `${String(d).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
};

async function writeGz(file: string, lines: () => Generator<string>): Promise<void> {
  async function* chunks() {
    let buffer: string[] = [];
    for (const line of lines()) {
      buffer.push(line);
      if (buffer.length === 10_000) {
        yield `${buffer.join("\n")}\n`;
        buffer = [];
      }
    }
    if (buffer.length > 0) yield `${buffer.join("\n")}\n`;
  }
  await pipeline(chunks, createGzip({ level: 4 }), createWriteStream(file));
}

/**
 * Writes a data set in the input formats the importers read (docs/algorithm.md § Entrées):
 * etablissements.csv.gz, contrats.csv.gz (SIRET;Date debut contrat;Type contrat;Code postal),
 * embauches.csv.gz (siret;date;contractType) and finances.csv.gz. What `algo:generate` writes.
 */
export async function writeDatasetFiles(
  dir: string,
  dataset: Dataset,
  reference: AlgoReference,
): Promise<WrittenFiles> {
  await mkdir(dir, { recursive: true });
  const e = dataset.establishments;
  const files: WrittenFiles = {
    establishments: path.join(dir, "etablissements.csv.gz"),
    contracts: path.join(dir, "contrats.csv.gz"),
    hires: path.join(dir, "embauches.csv.gz"),
    finances: dataset.finances ? path.join(dir, "finances.csv.gz") : null,
  };
  const postal = (i: number) => {
    const c = e.commune[i] as number;
    return c >= 0 ? (reference.communes.postalCode[c] ?? "") : "";
  };
  await writeGz(files.establishments, function* () {
    yield "siret;naf;tranche_effectif;date_creation;code_commune;code_postal;date_fermeture;organisme_formation";
    for (let i = 0; i < e.n; i++) {
      const c = e.commune[i] as number;
      const band = e.sizeBand[i] as number;
      yield [
        siretString(e, i),
        reference.naf.codes[e.naf[i] as number],
        band === 255 ? "" : reference.sizeBands.codes[band],
        e.created[i] === UNKNOWN_CREATION ? "" : isoOfDay(e.created[i] as number),
        c >= 0 ? reference.communes.insee[c] : "",
        postal(i),
        e.closed[i] === OPEN ? "" : isoOfDay(e.closed[i] as number),
        (e.flags[i] as number) & FLAG_TRAINING_ORGANISATION ? "oui" : "",
      ].join(";");
    }
  });
  await writeGz(files.contracts, function* () {
    yield "SIRET;Date debut contrat;Type contrat;Code postal";
    const s = dataset.contracts;
    for (let i = 0; i < e.n; i++)
      for (let k = s.offsets[i] as number; k < (s.offsets[i + 1] as number); k++)
        yield `${siretString(e, i)};${frDate(s.days[k] as number)};${s.kinds[k] === CONTRACT_APP ? "APP" : "PRO"};${postal(i)}`;
  });
  await writeGz(files.hires, function* () {
    yield "siret;date;contractType";
    const s = dataset.hires;
    for (let i = 0; i < e.n; i++)
      for (let k = s.offsets[i] as number; k < (s.offsets[i + 1] as number); k++)
        yield `${siretString(e, i)};${isoOfDay(s.days[k] as number)};${s.kinds[k] === HIRE_CDI ? "CDI" : "CDD"}`;
  });
  const f = dataset.finances;
  if (f && files.finances) {
    await writeGz(files.finances, function* () {
      yield "siren;annee;chiffre_affaires;resultat_net;effectif";
      const written = new Set<number>();
      for (let i = 0; i < e.n; i++) {
        const c = f.companyOf[i] as number;
        if (c < 0 || written.has(c)) continue;
        written.add(c);
        for (let k = f.offsets[c] as number; k < (f.offsets[c + 1] as number); k++)
          yield `${siretString(e, i).slice(0, 9)};${f.years[k]};${f.revenue[k]};${f.netResult[k]};${f.headcount[k]}`;
      }
    });
  }
  return files;
}
