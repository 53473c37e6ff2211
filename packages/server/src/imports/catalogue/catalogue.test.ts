import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { importCatalogue } from "./import-catalogue.js";
import { rejectReasons } from "./record-mapper.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogueFile = path.join(here, "fixtures/catalogue_fixture.json");
const lbaFile = path.join(here, "fixtures/lba_fixture.json");
// The fixture's organisations (valid SIRETs, fictional).
const LYON_CFA = "77000001600012";
const BOUCHE_CFA = "77000002400016";
const TOURISME_CFA = "77000003200019";
const TOULOUSE_LYCEE = "77000004000012";

let handle: DatabaseHandle;
const quiet = () => {};
const now = new Date("2026-03-02T09:00:00.000Z");
const training = (key: string) =>
  handle.db.selectFrom("trainings").selectAll().where("source_key", "=", key).executeTakeFirstOrThrow();
const organisation = (siret: string) =>
  handle.db.selectFrom("training_organisations").selectAll().where("siret", "=", siret).executeTakeFirstOrThrow();

beforeAll(async () => {
  handle = await createTestDatabase();
  // The directory knows the Lyon CFA, whose catalogue record has no name.
  await handle.db
    .insertInto("establishments")
    .values({
      siret: LYON_CFA,
      siren: LYON_CFA.slice(0, 9),
      name: "CFA FIXTURE LYON",
      brand: "CFA Fixture des métiers de Lyon",
      naf_code: "8532Z",
      admin_state: "A",
      diffusion: "O",
      lat: 45.75,
      lon: 4.85,
    })
    .execute();
});
afterAll(async () => handle?.close());

describe("import:catalogue", () => {
  it("imports the catalogue shape: completes records from references, rejects the unusable with a reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-"));
    const rejectsFile = path.join(dir, "rejets.csv");
    // The fixture is valid JSON (the linter reads it); a broken record is slipped in as 9th element.
    const file = path.join(dir, "catalogue.json");
    const records = (JSON.parse(readFileSync(catalogueFile, "utf8")) as unknown[]).map((r) => JSON.stringify(r));
    records.splice(8, 0, '{"cle_ministere_educatif": "FX-009", "cfd": }');
    writeFileSync(file, `[${records.join(",\n")}]`);
    const result = await importCatalogue(handle.db, { file, rejectsFile, now }, quiet);
    expect(result).toMatchObject({ read: 11, loaded: 3, rejected: 7, organisations: 3 });
    expect(result.rejectsByReason).toEqual({
      [rejectReasons.siret]: 1,
      [rejectReasons.noPlace]: 1,
      [rejectReasons.noTitle]: 1,
      [rejectReasons.noRome]: 1,
      [rejectReasons.noKey]: 1,
      [rejectReasons.notObject]: 1,
      [rejectReasons.invalidJson]: 1,
    });
    const rejects = readFileSync(rejectsFile, "utf8").trim().split("\n");
    expect(rejects[0]).toBe("fichier;ligne;identifiant;motif");
    expect(rejects).toContain(`${file};4;catalogue:FX-004;${rejectReasons.siret}`);
    expect(rejects).toContain(`${file};9;;${rejectReasons.invalidJson}`);

    // RCO flow record: title and level from the CFD, ROME from its RNCP; the later duplicate won.
    expect(await training("catalogue:FX-001")).toMatchObject({
      title: "BOULANGER (BP) — session du soir",
      cfd: "45022108",
      rncp_code: "RNCP13856",
      diploma_level: 4,
      rome_codes: ["D1102", "H2102"],
      rome_source: "rncp",
      // The RCO flow gives no city: the commune's name, from its INSEE code.
      city: "Lyon 2e Arrondissement",
      postal_code: "69002",
      lat: 45.76,
      lon: 4.83,
      start_months: ["2026-09"],
    });
    // Its organisation: named by the directory, contact address kept (lower case), certified by default.
    expect(await organisation(LYON_CFA)).toMatchObject({
      name: "CFA Fixture des métiers de Lyon",
      uai: "0699999A",
      email: "contact@cfa-fixture-lyon.fr",
      quality_certified: true,
      requests_opted_out_at: null,
    });
    // Catalogue export record: its own codes (its RNCP has no link), its level and periods.
    expect(await training("catalogue:FX-002")).toMatchObject({
      title: "BOULANGER (CAP)",
      diploma_level: 3,
      rome_codes: ["D1102"],
      rome_source: "catalogue",
      city: "Villeurbanne",
      start_months: ["2026-09", "2027-01"],
    });
    expect(await organisation(BOUCHE_CFA)).toMatchObject({
      name: "CFA FICTIF DES METIERS DE BOUCHE",
      quality_certified: true,
    });
    // No RNCP and no code: the domain of the diploma (NSF 334, tourism); placed at the commune's centre.
    const tourism = await training("catalogue:FX-003");
    expect(tourism).toMatchObject({
      title: "TOURISME (BTS)",
      diploma_level: 5,
      rome_source: "domain",
      city: "Marseille",
    });
    expect(tourism.rome_codes.length).toBeGreaterThan(0);
    expect(await organisation(TOURISME_CFA)).toMatchObject({ quality_certified: false, name: null });

    // The lookup keys: codes, classic parents and domains.
    const keys = await handle.db
      .selectFrom("training_rome_keys")
      .select("key")
      .where("training_id", "=", (await training("catalogue:FX-001")).id)
      .orderBy("key")
      .execute();
    expect(keys.map((k) => k.key)).toEqual(["D11", "D1102", "H21", "H2102"]);
  });

  it("imports the La bonne alternance API shape ({ results: [...] })", async () => {
    const result = await importCatalogue(handle.db, { file: lbaFile, now }, quiet);
    expect(result).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    expect(result.rejectsByReason).toEqual({ [rejectReasons.noPlace]: 1 });
    expect(await training("lba:lba-fx-1")).toMatchObject({
      rome_codes: ["I1401", "L1507", "M1802"],
      rome_source: "rncp",
      diploma_level: 5,
      city: "Toulouse",
      start_months: ["2026-09", "2026-10"],
    });
    expect(await training("lba:lba-fx-2")).toMatchObject({
      rome_codes: ["G1202"],
      rome_source: "catalogue",
      diploma_level: 4,
    });
    expect(await organisation(TOULOUSE_LYCEE)).toMatchObject({
      name: "LYCEE FICTIF DE TOULOUSE",
      uai: "0319999Z",
      email: "secretariat@lycee-fictif-toulouse.fr",
      source: "lba",
    });
  });

  it("reimports in place, keeps a CFA's opt-out, and with --remplacer removes what the file no longer lists", async () => {
    const optedOut = new Date("2026-02-01T00:00:00.000Z");
    await handle.db
      .updateTable("training_organisations")
      .set({ requests_opted_out_at: optedOut })
      .where("siret", "=", LYON_CFA)
      .execute();
    const later = new Date("2026-04-01T00:00:00.000Z");
    await importCatalogue(handle.db, { file: catalogueFile, now: later }, quiet);
    const count = async (source: string) =>
      Number(
        (
          await handle.db
            .selectFrom("trainings")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("source", "=", source as "catalogue")
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("catalogue")).toBe(3);
    expect((await organisation(LYON_CFA)).requests_opted_out_at).toEqual(optedOut);

    // A training that moved or changed jobs gets new lookup keys; the others keep theirs.
    const keysOf = async (key: string) =>
      handle.db
        .selectFrom("training_rome_keys as k")
        .innerJoin("trainings as t", "t.id", "k.training_id")
        .select(["k.key", "k.lat"])
        .where("t.source_key", "=", key)
        .orderBy("k.key")
        .execute();
    const records = JSON.parse(readFileSync(catalogueFile, "utf8"));
    const moved = records.map((r: Record<string, unknown> | number) =>
      typeof r === "object" && r.cle_ministere_educatif === "FX-002"
        ? { ...r, rome_codes: ["D1104"], lieu_formation_geo_coordonnees: "45.7800,4.8800" }
        : r,
    );
    const movedFile = path.join(mkdtempSync(path.join(os.tmpdir(), "catalogue-")), "moved.json");
    writeFileSync(movedFile, JSON.stringify(moved));
    const before = await keysOf("catalogue:FX-001");
    await importCatalogue(handle.db, { file: movedFile, now: later }, quiet);
    expect(await keysOf("catalogue:FX-002")).toEqual([
      { key: "D11", lat: 45.78 },
      { key: "D1104", lat: 45.78 },
    ]);
    expect(await keysOf("catalogue:FX-001")).toEqual(before);

    // A smaller complete file: only FX-002 stays among the catalogue's trainings; LBA's are untouched.
    const smaller = path.join(mkdtempSync(path.join(os.tmpdir(), "catalogue-")), "complet.json");
    writeFileSync(
      smaller,
      JSON.stringify(
        records.filter((r: { cle_ministere_educatif?: string } | null) => r?.cle_ministere_educatif === "FX-002"),
      ),
    );
    const result = await importCatalogue(
      handle.db,
      { file: smaller, replace: true, now: new Date("2026-05-01T00:00:00.000Z") },
      quiet,
    );
    expect(result.removed).toBe(2);
    expect(await count("catalogue")).toBe(1);
    expect(await count("lba")).toBe(2);
    const orphanKeys = await handle.db
      .selectFrom("training_rome_keys as k")
      .leftJoin("trainings as t", "t.id", "k.training_id")
      .select("k.key")
      .where("t.id", "is", null)
      .execute();
    expect(orphanKeys).toEqual([]);
  });
});
