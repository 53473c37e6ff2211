import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CONTRACT_APP, CONTRACT_PRO, HIRE_CDD, HIRE_CDI } from "../data/events.js";
import { dayFromYmd } from "../time/day.js";
import { parseDataDay } from "./common.js";
import { parseContractLine } from "./contracts.js";
import { parseEstablishmentLine } from "./establishments.js";
import { parseFinanceLine } from "./finances.js";
import { parseHireLine } from "./hires.js";
import { emptySummary, readRecordBatches, readRecords } from "./read.js";

const GOOD = "51146379600017";
const BAD_KEY = "51146379600018";
const dpae = (siret: string, date: string, type: string, end = "", rome = "") =>
  `${siret}|5610A||14700||||${date}|${type}|${end}|${rome}||||||||||2||NULL|de 26 ans ? 50 ans|20|perandomid1|Embauche`;

describe("contrats APP / PRO", () => {
  it("lit les lignes de l'extrait (dates JJ/MM/AAAA et AAAA-MM-JJ)", () => {
    expect(parseContractLine(`${GOOD};14/10/2018;APP;14000`)).toEqual({
      status: "record",
      value: { siret: GOOD, day: dayFromYmd(2018, 10, 14), kind: CONTRACT_APP, postalCode: "14000" },
    });
    const iso = parseContractLine(`${GOOD};2018-12-01;PRO;`);
    expect(iso).toMatchObject({
      status: "record",
      value: { day: dayFromYmd(2018, 12, 1), kind: CONTRACT_PRO, postalCode: null },
    });
    expect(parseContractLine("SIRET;Date debut contrat;Type contrat;Code postal").status).toBe("skipped");
  });

  it("refuse les mauvaises lignes avec une raison en français", () => {
    expect(parseContractLine(`${BAD_KEY};14/10/2018;APP;14000`)).toEqual({
      status: "rejected",
      reason: `SIRET ${BAD_KEY} invalide : clé de contrôle (Luhn) fausse`,
    });
    expect(parseContractLine("5114637960001;14/10/2018;APP;14000")).toMatchObject({
      reason: expect.stringContaining("14 chiffres"),
    });
    expect(parseContractLine(`${GOOD};31/02/2018;APP;14000`)).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("illisible"),
    });
    expect(parseContractLine(`${GOOD};2018/12/01;APP;14000`).status).toBe("rejected");
    expect(parseContractLine(`${GOOD};14/10/2018;CDI;14000`)).toMatchObject({
      reason: expect.stringContaining("APP ou PRO"),
    });
    expect(parseContractLine(`${GOOD};14/10/2018;APP;1400`)).toMatchObject({
      reason: expect.stringContaining("code postal"),
    });
    expect(parseContractLine(`${GOOD};14/10/2018`).status).toBe("rejected");
  });
});

describe("autres embauches", () => {
  it("lit le format siret;date;contractType et garde CDI et CDD de plus d'un mois", () => {
    expect(parseHireLine(`${GOOD};2019-03-28;CDI`)).toMatchObject({
      status: "record",
      value: { kind: HIRE_CDI, rome: null },
    });
    expect(parseHireLine(`${GOOD};28/03/2019;CDD;2019-06-30`)).toMatchObject({
      status: "record",
      value: { kind: HIRE_CDD },
    });
    expect(parseHireLine(`${GOOD};2019-03-28;CDD;2019-04-15`)).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("un mois ou moins"),
    });
    expect(parseHireLine(`${GOOD};2019-03-28;CDD`).status).toBe("record");
    expect(parseHireLine(`${GOOD};2019-03-28;3`).status).toBe("skipped");
    expect(parseHireLine(`${GOOD};2019-03-28;STAGE`)).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("inconnu"),
    });
    expect(parseHireLine(`${GOOD};2019-03-28;CDD;2019-01-01`)).toMatchObject({
      reason: expect.stringContaining("antérieure"),
    });
    expect(parseHireLine(`${BAD_KEY};2019-03-28;CDI`).status).toBe("rejected");
  });

  it("lit l'extrait des déclarations d'embauche à 27 colonnes", () => {
    expect(parseHireLine(dpae(GOOD, "2019-10-28 00:00:00.0", "2", "", "D1102"))).toEqual({
      status: "record",
      value: { siret: GOOD, day: dayFromYmd(2019, 10, 28), kind: HIRE_CDI, rome: "D1102" },
    });
    expect(parseHireLine(dpae(GOOD, "2019-10-28 00:00:00.0", "1", "2020-03-01 00:00:00.0"))).toMatchObject({
      value: { kind: HIRE_CDD },
    });
    expect(parseHireLine(dpae(GOOD, "2019-10-28 00:00:00.0", "1", "2019-11-10 00:00:00.0")).status).toBe("skipped");
    expect(parseHireLine(dpae(GOOD, "2019-10-28 00:00:00.0", "3")).status).toBe("skipped");
    expect(parseHireLine(dpae(GOOD, "2019-13-28 00:00:00.0", "2")).status).toBe("rejected");
    expect(parseHireLine(`${GOOD}|5610A|2019-10-28|2`)).toMatchObject({ reason: expect.stringContaining("27") });
    expect(parseHireLine("kc_siret|dc_naf_id|dc_adresse").status).toBe("skipped");
  });
});

describe("finances et établissements", () => {
  it("lit les données financières par SIREN et année", () => {
    expect(parseFinanceLine("511463796;2022;1 250 000,50;-12000;14")).toEqual({
      status: "record",
      value: { siren: "511463796", year: 2022, revenue: 1250000.5, netResult: -12000, headcount: 14 },
    });
    expect(parseFinanceLine("511463796;2022;;;")).toMatchObject({ status: "skipped" });
    expect(parseFinanceLine("511463797;2022;1;1;1")).toMatchObject({ reason: expect.stringContaining("Luhn") });
    expect(parseFinanceLine("511463796;22;1;1;1")).toMatchObject({ reason: expect.stringContaining("année") });
    expect(parseFinanceLine("511463796;2022;abc;1;1")).toMatchObject({
      reason: expect.stringContaining("chiffre d'affaires"),
    });
    expect(parseFinanceLine("511463796;2022;-5;1;1")).toMatchObject({ reason: "chiffre d'affaires négatif" });
  });

  it("lit les deux formats d'établissements", () => {
    expect(parseEstablishmentLine(`${GOOD};10.71C;11;2015-03-01;14118;14000;;oui`)).toEqual({
      status: "record",
      value: {
        siret: GOOD,
        naf: "1071C",
        sizeBand: "11",
        created: dayFromYmd(2015, 3, 1),
        commune: "14118",
        postalCode: "14000",
        closed: null,
        trainingOrganisation: true,
      },
    });
    const lbb =
      "00565014800033|SOC COOPERATIVE||6820A|2|RUE DU DOCTEUR|04070|04000|x@example.eu||03|0|00|1956-01-01||||NULL||||O";
    expect(parseEstablishmentLine(lbb)).toMatchObject({
      status: "record",
      value: { naf: "6820A", sizeBand: "03", commune: "04070" },
    });
    expect(parseEstablishmentLine(`${GOOD};6820;11;;14118;;;`)).toMatchObject({
      reason: expect.stringContaining("NAF"),
    });
    expect(parseEstablishmentLine(`${GOOD};6820A;99;;14118;;;`)).toMatchObject({
      reason: expect.stringContaining("tranche"),
    });
    expect(parseEstablishmentLine(`${GOOD};6820A;11;;;;;`)).toMatchObject({
      reason: expect.stringContaining("situer"),
    });
  });
});

describe("embauches : chemin rapide", () => {
  it("donne exactement ce que donne le chemin général", () => {
    // A trailing empty end date sends the same line through the general path.
    for (const line of [
      `${GOOD};2023-05-02;CDI`,
      `${GOOD};2023-05-02;CDD`,
      `${BAD_KEY};2023-05-02;CDI`,
      `${GOOD};2023-02-30;CDI`,
      `${GOOD};2023-05-02;CTT`,
      `${GOOD};02/05/2023;CDD`,
      `${GOOD};1890-05-02;CDI`,
    ])
      expect(parseHireLine(line), line).toEqual(parseHireLine(`${line};`));
  });
});

describe("dates des fichiers", () => {
  it("connaît les années bissextiles et la longueur des mois", () => {
    expect(parseDataDay("29/02/2024")).toBe(dayFromYmd(2024, 2, 29));
    expect(parseDataDay("2000-02-29")).toBe(dayFromYmd(2000, 2, 29));
    for (const bad of [
      "29/02/2023",
      "1900-02-29",
      "31/04/2022",
      "2022-06-31",
      "00/01/2022",
      "2022-13-01",
      "1899-12-31",
    ])
      expect(parseDataDay(bad), bad).toBeNull();
    expect(parseDataDay("2021-12-31 00:00:00.0")).toBe(dayFromYmd(2021, 12, 31));
  });
});

describe("lecture de fichiers", () => {
  it("lit un fichier .gz en flux et résume rejets et lignes écartées", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "algo-parse-"));
    const file = path.join(dir, "contrats.csv.gz");
    const text = [
      "\ufeffSIRET;Date debut contrat;Type contrat;Code postal",
      `${GOOD};14/10/2018;APP;14000`,
      "",
      `${BAD_KEY};14/10/2018;APP;14000`,
      `${GOOD};01/10/2017;PRO;14000`,
    ].join("\n");
    await writeFile(file, gzipSync(text));
    const summary = emptySummary();
    const records = [];
    for await (const r of readRecords(file, parseContractLine, summary)) records.push(r);
    expect(records.map((r) => r.kind)).toEqual([CONTRACT_APP, CONTRACT_PRO]);
    expect(summary).toMatchObject({ records: 2, rejected: 1, skipped: 0 });
    expect(summary.examples).toEqual([
      { line: 4, reason: `SIRET ${BAD_KEY} invalide : clé de contrôle (Luhn) fausse` },
    ]);
  });

  it("lit par lots, lignes CRLF et sans fin de ligne finale, avec les mêmes numéros de ligne", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "algo-parse-"));
    const file = path.join(dir, "contrats.csv");
    const lines = ["\ufeffSIRET;Date debut contrat;Type contrat;Code postal"];
    for (let k = 0; k < 25; k++) lines.push(`${GOOD};14/10/2018;APP;14000`);
    lines.push(`${BAD_KEY};14/10/2018;APP;14000`, "", `${GOOD};01/10/2017;PRO;14000`);
    await writeFile(file, lines.join("\r\n"));
    const summary = emptySummary();
    const sizes: number[] = [];
    for await (const batch of readRecordBatches(file, parseContractLine, summary, 10)) sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(26);
    expect(sizes.length).toBeGreaterThan(0);
    expect(summary).toMatchObject({ records: 26, rejected: 1 });
    expect(summary.examples).toEqual([
      { line: 27, reason: `SIRET ${BAD_KEY} invalide : clé de contrôle (Luhn) fausse` },
    ]);
  });
});
