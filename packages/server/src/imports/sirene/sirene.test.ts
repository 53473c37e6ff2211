import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { importSirene, type SireneImportResult } from "./import-sirene.js";

const fixtures = path.join(import.meta.dirname, "fixtures");
const establishments = path.join(fixtures, "StockEtablissement_fixture.csv");
const legalUnits = path.join(fixtures, "StockUniteLegale_fixture.csv");

let handle: DatabaseHandle;
let result: SireneImportResult;
let lines: string[];
const tmp = mkdtempSync(path.join(tmpdir(), "sirene-test-"));
const rejectsFile = path.join(tmp, "rejets.csv");

beforeAll(async () => {
  handle = await createTestDatabase();
  lines = [];
  result = await importSirene(
    handle.db,
    { establishments, legalUnits, rejectsFile, progressEvery: 5, batchSize: 4 },
    (l) => lines.push(l),
  );
});
afterAll(async () => {
  await handle?.close();
});

const row = (siret: string) =>
  handle.db.selectFrom("establishments").selectAll().where("siret", "=", siret).executeTakeFirstOrThrow();

describe("import:sirene on the fixture files", () => {
  it("loads valid rows and rejects the bad ones with a reason each", () => {
    expect(result.legalUnits).toMatchObject({ read: 9, loaded: 7, rejected: 2 });
    expect(result.establishments).toMatchObject({ read: 15, loaded: 10, rejected: 5 });
    expect(result.establishments.rejectsByReason).toEqual({
      "SIRET dont la clé de contrôle est fausse": 1,
      "SIRET mal formé (14 chiffres attendus)": 1,
      "état administratif absent ou inconnu (A ou F attendu)": 1,
      "SIREN différent des 9 premiers chiffres du SIRET": 1,
      "SIRET absent": 1,
    });
    const rejects = readFileSync(rejectsFile, "utf8");
    expect(rejects).toContain(";90000008400014;SIRET dont la clé de contrôle est fausse");
    expect(rejects).toContain("SIREN dont la clé de contrôle est fausse");
    expect(rejects.match(/^fichier;ligne;identifiant;motif$/gm)).toHaveLength(1);
    expect(rejects.trim().split("\n")).toHaveLength(1 + 2 + 5);
  });

  it("prints progress lines with a rate, then a summary", () => {
    expect(lines.some((l) => /Établissements : 10 lignes lues \([\d\s  ]+ lignes\/min\)/.test(l))).toBe(true);
    expect(lines.some((l) => /Établissements : 15 lignes lues, 10 chargées, 5 rejetées/.test(l))).toBe(true);
  });

  it("maps names, brand, NAF (normalised), headcount, address and Lambert-93 position", async () => {
    const lyon = await row("90000001900019");
    expect(lyon).toMatchObject({
      siren: "900000019",
      name: "BOULANGERIE EXEMPLE SAS",
      brand: "AU PAIN D'EXEMPLE",
      naf_code: "1071C",
      headcount_band: "11",
      street: "12 PLACE BELLECOUR",
      postal_code: "69002",
      insee_code: "69382",
      admin_state: "A",
      diffusion: "O",
      created_on: "2015-03-02",
      geo_precision: "address",
    });
    expect(lyon.city).toMatch(/Lyon/);
    expect(lyon.lat).toBeCloseTo(45.7578, 4);
    expect(lyon.lon).toBeCloseTo(4.832, 4);
  });

  it("names a sole trader by first name and usage name, and keeps masked fields empty", async () => {
    expect((await row("90000006800016")).name).toBe("CAMILLE MODELE");
    const partial = await row("90000002700012");
    expect(partial).toMatchObject({ diffusion: "P", street: null, name: null, geo_precision: "commune" });
  });

  it("converts overseas coordinates with each territory's UTM zone", async () => {
    const reunion = await row("90000003500015");
    expect(reunion.lat).toBeCloseTo(-20.8789, 4);
    expect(reunion.lon).toBeCloseTo(55.4481, 4);
    expect(reunion.brand).toBe("SUPERETTE EXEMPLE");
    const guadeloupe = await row("90000003500023");
    expect(guadeloupe.lat).toBeCloseTo(16.2411, 4);
    expect(guadeloupe.lon).toBeCloseTo(-61.5331, 4);
    expect(guadeloupe.street).toBe("1 BOULEVARD DE L'EXEMPLE");
  });

  it("falls back to the commune centre when Sirene has no position", async () => {
    const nantes = await row("90000004300019");
    const commune = await handle.db
      .selectFrom("communes")
      .select(["lat", "lon"])
      .where("insee_code", "=", "44109")
      .executeTakeFirstOrThrow();
    expect(nantes).toMatchObject({ geo_precision: "commune", lat: commune.lat, lon: commune.lon });
  });

  it("keeps closed establishments, La Poste's and those without NAF", async () => {
    expect(await row("90000001900027")).toMatchObject({
      admin_state: "F",
      street: "3 BIS RUE DE L'EXEMPLE, BATIMENT A",
    });
    expect(await row("35600000012346")).toMatchObject({ name: "LA POSTE", naf_code: "5310Z" });
    expect(await row("90000007600019")).toMatchObject({ naf_code: null, name: null });
  });

  it("is idempotent and updates rows in place on a second run (here from a .gz, then a .zip)", async () => {
    const gz = path.join(tmp, "StockEtablissement.csv.gz");
    writeFileSync(gz, gzipSync(readFileSync(establishments)));
    const again = await importSirene(handle.db, { establishments: gz });
    expect(again.establishments).toMatchObject({ read: 15, loaded: 10, rejected: 5 });
    const zipped = await importSirene(handle.db, {
      establishments: path.join(fixtures, "StockEtablissement_fixture.zip"),
    });
    expect(zipped.establishments).toMatchObject({ read: 15, loaded: 10 });
    const count = await handle.db
      .selectFrom("establishments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10);
    // Names survive a run without the legal-unit file.
    expect((await row("90000001900019")).name).toBe("BOULANGERIE EXEMPLE SAS");
  });

  it("leaves unchanged rows untouched and updates changed ones", async () => {
    const before = await row("90000001900019");
    const untouched = await row("90000004300019");
    const changed = path.join(tmp, "StockEtablissement_changed.csv");
    writeFileSync(changed, readFileSync(establishments, "utf8").replace("AU PAIN D'EXEMPLE", "AU PAIN NOUVEAU"));
    await importSirene(handle.db, { establishments: changed });
    const after = await row("90000001900019");
    expect(after.brand).toBe("AU PAIN NOUVEAU");
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect((await row("90000004300019")).updated_at).toEqual(untouched.updated_at);
  });

  it("rebuilds after a first load exactly the indexes that migration 0002 creates", async () => {
    const indexes = (db: DatabaseHandle["db"]) =>
      sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where tablename = 'establishments' order by indexname`.execute(db);
    const fresh = await createTestDatabase();
    try {
      const expected = (await indexes(fresh.db)).rows;
      expect(expected.map((i) => i.indexname)).toContain("establishments_geo_idx");
      expect((await indexes(handle.db)).rows).toEqual(expected);
    } finally {
      await fresh.close();
    }
    expect(lines.some((l) => /construits une fois, en fin de chargement/.test(l))).toBe(true);
  });

  it("refuses a file that is not a StockEtablissement, naming the missing columns", async () => {
    await expect(importSirene(handle.db, { establishments: legalUnits })).rejects.toThrow(
      /colonne\(s\) absente\(s\) siret, etatAdministratifEtablissement/,
    );
  });
});
