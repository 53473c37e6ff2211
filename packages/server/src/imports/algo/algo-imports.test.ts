import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { forEachPackedEvent, isoOfDay, romeOfKey } from "@tremplin/algo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSiret } from "../../../test/fixtures.js";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { AlgoImportError, importEventFile } from "./import-events.js";
import { importFinanceFile } from "./import-finances.js";

let handle: DatabaseHandle;
let dir: string;
const now = new Date("2026-03-02T09:00:00Z");
const lines: string[] = [];
const say = (line: string) => lines.push(line);

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "algo-import-"));
});
afterAll(async () => handle?.close());

async function eventsOf(siret: string, source: "contracts" | "hires") {
  const rows = await handle.db
    .selectFrom("algo_event_sets")
    .select(["events", "import_id"])
    .where("siret", "=", siret)
    .where("source", "=", source)
    .execute();
  const out: string[] = [];
  for (const r of rows)
    forEachPackedEvent(r.events, (day, kind, rome) =>
      out.push(`${isoOfDay(day)}:${kind}${rome ? `:${romeOfKey(rome)}` : ""}`),
    );
  return out.sort();
}

describe("import des contrats d'alternance", () => {
  it("garde les bonnes lignes, rejette les mauvaises avec leur raison, et refuse le même fichier deux fois", async () => {
    const known = newSiret();
    const unknown = newSiret();
    await handle.db
      .insertInto("establishments")
      .values({ siret: known, siren: known.slice(0, 9), admin_state: "A", diffusion: "O", naf_code: "1071C" })
      .execute();
    const file = path.join(dir, "contrats.csv.gz");
    await writeFile(
      file,
      gzipSync(
        [
          "SIRET;Date debut contrat;Type contrat;Code postal",
          `${known};01/09/2023;APP;69002`,
          `${known};2024-03-15;PRO;`,
          `${unknown};01/10/2023;APP;75001`,
          `${known};31/02/2023;APP;69002`,
          "12345678901234;01/09/2023;APP;69002",
          `${known};01/09/2023;CDI;69002`,
          `${known};01/09/2023`,
        ].join("\n"),
      ),
    );
    const outcome = await importEventFile(handle.db, { file, source: "contracts", now }, say);
    expect(outcome).toMatchObject({ records: 3, rejected: 4, skipped: 0, unknownSirets: 1 });
    expect([outcome.firstDay, outcome.lastDay]).toEqual(["2023-09-01", "2024-03-15"]);
    expect(outcome.reasons.examples.map((e) => e.line)).toEqual([5, 6, 7, 8]);
    expect(outcome.reasons.examples[0]?.reason).toMatch(/date de début « 31\/02\/2023 » illisible/);
    expect(lines.join("\n")).toMatch(/3 contrats d'alternance retenus, 0 lignes écartées, 4 lignes rejetées/);
    expect(lines.join("\n")).toMatch(/1 SIRET absents de l'annuaire/);
    expect(await eventsOf(known, "contracts")).toEqual(["2023-09-01:1", "2024-03-15:2"]);
    const stored = await handle.db
      .selectFrom("algo_imports")
      .selectAll()
      .where("id", "=", outcome.importId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "done", records: 3, rejected: 4, first_day: "2023-09-01" });

    await expect(importEventFile(handle.db, { file, source: "contracts", now }, say)).rejects.toThrow(AlgoImportError);
    await expect(importEventFile(handle.db, { file, source: "contracts", now }, say)).rejects.toThrow(
      new RegExp(`--replace-import ${outcome.importId}`),
    );
    // Replacing the earlier import: its events go, the new file's come, nothing counts twice.
    const again = await importEventFile(
      handle.db,
      { file, source: "contracts", now, replaceImportId: outcome.importId },
      say,
    );
    expect(again.importId).not.toBe(outcome.importId);
    expect(await eventsOf(known, "contracts")).toEqual(["2023-09-01:1", "2024-03-15:2"]);
  });

  it("écrit un SIRET en plusieurs lots quand le tampon est petit, sans rien perdre", async () => {
    const a = newSiret();
    const b = newSiret();
    const rows = ["SIRET;Date debut contrat;Type contrat;Code postal"];
    for (let k = 0; k < 10; k++) rows.push(`${k % 2 ? a : b};0${1 + (k % 9)}/01/2022;APP;69002`);
    const file = path.join(dir, "contrats-lots.csv");
    await writeFile(file, rows.join("\n"));
    const outcome = await importEventFile(handle.db, { file, source: "contracts", now, bufferEvents: 3 }, say);
    expect(outcome.records).toBe(10);
    const parts = await handle.db
      .selectFrom("algo_event_sets")
      .select(["part", "event_count"])
      .where("import_id", "=", outcome.importId)
      .execute();
    expect(new Set(parts.map((p) => p.part)).size).toBe(4);
    expect(parts.reduce((s, p) => s + p.event_count, 0)).toBe(10);
    expect(await eventsOf(a, "contracts")).toHaveLength(5);
  });
});

describe("fichier au mauvais format", () => {
  it("n'importe rien quand aucune ligne n'est retenue, et le dit", async () => {
    const file = path.join(dir, "pas-des-contrats.csv");
    await writeFile(file, "siren;annee;chiffre_affaires;resultat_net;effectif\n511463796;2022;1;1;1\n");
    await expect(importEventFile(handle.db, { file, source: "contracts", now }, say)).rejects.toThrow(
      /Aucune ligne retenue/,
    );
    const imports = await handle.db
      .selectFrom("algo_imports")
      .select("file_name")
      .where("file_name", "=", "pas-des-contrats.csv")
      .execute();
    expect(imports).toEqual([]);
  });
});

describe("import des autres embauches", () => {
  it("lit le format simple et l'extrait à 27 colonnes, écarte l'intérim et les CDD courts", async () => {
    const s = newSiret();
    const dpae = (date: string, type: string, end: string, rome: string) =>
      [s, "1071C", "", "", "", "", "", date, type, end, rome, ...Array.from({ length: 16 }, () => "")].join("|");
    const file = path.join(dir, "embauches.csv");
    await writeFile(
      file,
      [
        "siret;date;contractType",
        `${s};2023-05-02;CDI`,
        `${s};2023-06-01;CDD;2023-06-20`,
        `${s};2023-07-01;CTT`,
        `${s};2023-07-01;XYZ`,
        dpae("2023-08-01 00:00:00.0", "1", "2024-01-31", "D1102"),
        dpae("2023-09-01", "3", "", ""),
      ].join("\n"),
    );
    const outcome = await importEventFile(handle.db, { file, source: "hires", now }, say);
    expect(outcome).toMatchObject({ records: 2, skipped: 3, rejected: 1 });
    expect(await eventsOf(s, "hires")).toEqual(["2023-05-02:2", "2023-08-01:1:D1102"]);
  });
});

describe("import des données financières", () => {
  it("remplace une année déjà connue et accepte de relire le même fichier", async () => {
    const file = path.join(dir, "finances.csv");
    await writeFile(
      file,
      [
        "siren;annee;chiffre_affaires;resultat_net;effectif",
        "511463796;2022;1 250 000,50;-12000;14",
        "511463796;2023;1310000;25400;15",
        "511463796;2022;1300000;;14",
        "511463796;1890;1;1;1",
        "511463796;2024;;;",
      ].join("\n"),
    );
    const first = await importFinanceFile(handle.db, { file, now }, say);
    expect(first).toMatchObject({ records: 3, rejected: 1, skipped: 1, firstDay: "2022-12-31", lastDay: "2023-12-31" });
    const again = await importFinanceFile(handle.db, { file, now }, say);
    expect(again.records).toBe(3);
    const rows = await handle.db
      .selectFrom("algo_finances")
      .selectAll()
      .where("siren", "=", "511463796")
      .orderBy("year")
      .execute();
    expect(rows.map((r) => [r.year, r.revenue, r.net_result])).toEqual([
      [2022, 1300000, null],
      [2023, 1310000, 25400],
    ]);
    const imports = await handle.db.selectFrom("algo_imports").select("id").where("source", "=", "finances").execute();
    expect(imports).toHaveLength(1);
  });
});
