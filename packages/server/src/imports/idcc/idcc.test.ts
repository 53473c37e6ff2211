import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import type { ImportSummary } from "../../lib/import-tracker.js";
import { importIdcc, normalizeDay, normalizeMonth } from "./import-idcc.js";

const file = path.join(import.meta.dirname, "fixtures", "idcc_siret_fixture.csv");
let handle: DatabaseHandle;
let summary: ImportSummary;

beforeAll(async () => {
  handle = await createTestDatabase();
  summary = await importIdcc(handle.db, { file, batchSize: 2 });
});
afterAll(async () => {
  await handle?.close();
});

const idccOf = async (siret: string) =>
  (await handle.db.selectFrom("establishment_idccs").selectAll().where("siret", "=", siret).executeTakeFirst())?.idcc;

describe("import:idcc", () => {
  it("reads the SIRET;MOIS;IDCC;DATE_MAJ format and rejects bad lines with reasons", () => {
    expect(summary.read).toBe(12);
    expect(summary.rejected).toBe(4);
    expect(summary.rejectsByReason).toEqual({
      "SIRET dont la clé de contrôle est fausse": 2,
      "IDCC absent ou non numérique": 1,
      "MOIS absent ou illisible (AAAA-MM attendu)": 1,
    });
  });

  it("keeps the latest month per SIRET, even across batches", async () => {
    expect(await idccOf("90000005000014")).toBe(2120);
    expect(await idccOf("90000001900019")).toBe(843);
    expect(await idccOf("90000006800016")).toBe(9999);
  });

  it("does not let an older file overwrite a newer agreement", async () => {
    await importIdcc(handle.db, { file });
    expect(await idccOf("90000005000014")).toBe(2120);
  });

  it("accepts headers in any case", async () => {
    const lower = path.join(mkdtempSync(path.join(tmpdir(), "idcc-")), "idcc.csv");
    writeFileSync(lower, "siret;mois;idcc;date_maj\n90000004300019;2026-01;1596;2026/02/01\n");
    const result = await importIdcc(handle.db, { file: lower });
    expect(result).toMatchObject({ read: 1, loaded: 1, rejected: 0 });
    expect(await idccOf("90000004300019")).toBe(1596);
  });

  it("normalises the date formats met in the wild", () => {
    expect(normalizeMonth("2024-06")).toBe("2024-06");
    expect(normalizeMonth("202406")).toBe("2024-06");
    expect(normalizeMonth("06/2024")).toBe("2024-06");
    expect(normalizeMonth("juin")).toBeNull();
    expect(normalizeDay("2024/07/15")).toBe("2024-07-15");
    expect(normalizeDay("15/07/2024 10:00")).toBe("2024-07-15");
  });
});
