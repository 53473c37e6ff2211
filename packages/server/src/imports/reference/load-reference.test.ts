import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { loadReferenceData } from "./load-reference.js";
import { joinSentences } from "./rome.js";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase(); // the template already ran the loader once
});
afterAll(async () => handle?.close());

async function count(table: string, where = "true"): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(handle.db);
  return result.rows[0]?.n ?? -1;
}

async function counts() {
  return {
    fiches: await count("rome_fiches"),
    fichesWithParent: await count("rome_fiches", "parent_rome_code ~ '^[A-N][0-9]{4}$'"),
    parents: (
      await sql<{ n: number }>`select count(distinct parent_rome_code)::int as n from rome_fiches`.execute(handle.db)
    ).rows[0]?.n,
    appellations: await count("rome_appellations"),
    principal: await count("rome_appellations", "principal"),
    rarelyUsed: await count("rome_appellations", "rarely_used"),
    skills: await count("rome_skills"),
    mobilities: await count("rome_mobilities"),
    communesWithCoordinates: await count("communes", "lat is not null and lon is not null"),
    departements: await count("departements"),
    regions: await count("regions"),
    naf: await count("naf_codes"),
    opcos: await count("opcos"),
    idcc: await count("idcc_opcos"),
    levels: await count("diploma_levels"),
    rncpRomes: await count("rncp_romes"),
    nafRome: await count("naf_rome_hirings"),
  };
}

describe("reference data loader", () => {
  it("loads the published counts", async () => {
    const c = await counts();
    expect(c).toMatchObject({
      fiches: 1584,
      fichesWithParent: 1584,
      parents: 532,
      appellations: 13_120,
      principal: 1584, // one per fiche
      rarelyUsed: 199,
      skills: 90_556,
      departements: 101,
      regions: 18,
      naf: 732,
      opcos: 11,
      levels: 5,
    });
    expect(c.communesWithCoordinates).toBeGreaterThan(34_000);
    expect(c.mobilities).toBeGreaterThan(14_000);
    expect(c.idcc).toBeGreaterThan(320);
    expect(c.rncpRomes).toBeGreaterThan(44_000);
    expect(c.nafRome).toBe(5071);
  });

  it("derives Paris, Lyon and Marseille from their arrondissements", async () => {
    const rows = await handle.db
      .selectFrom("communes")
      .select(["insee_code", "name", "population"])
      .select(sql<number>`cardinality(postal_codes)`.as("postal_code_count"))
      .where("insee_code", "in", ["75056", "69123", "13055"])
      .orderBy("insee_code")
      .execute();
    expect(rows.map((r) => [r.insee_code, r.name, r.postal_code_count])).toEqual([
      ["13055", "Marseille", 16],
      ["69123", "Lyon", 9],
      ["75056", "Paris", 21], // 75001…75020 and 75116
    ]);
    expect(rows.find((r) => r.name === "Paris")?.population).toBeGreaterThan(2_000_000);
  });

  it("names communes with their article (« Le Havre », not « Havre »)", async () => {
    const rows = await handle.db
      .selectFrom("communes")
      .select(["insee_code", "name"])
      .where("insee_code", "in", ["76351", "17300", "85194", "94038", "72181"])
      .orderBy("insee_code")
      .execute();
    expect(rows.map((r) => r.name)).toEqual([
      "La Rochelle",
      "Le Mans",
      "Le Havre",
      "Les Sables-d'Olonne",
      "L'Haÿ-les-Roses",
    ]);
  });

  it("affinities of a NAF sum to 1 and every IDCC points to one of the 11 OPCOs", async () => {
    const sums = await sql<{ s: number }>`select sum(affinity) as s from naf_rome_hirings group by naf_code`.execute(
      handle.db,
    );
    for (const row of sums.rows) expect(row.s).toBeCloseTo(1, 6);
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from idcc_opcos i left join opcos o on o.id = i.opco_id where o.id is null`.execute(
      handle.db,
    );
    expect(orphans.rows[0]?.n).toBe(0);
  });

  it("is idempotent: a second run replaces rows, never duplicates them", async () => {
    const before = await counts();
    const progress: string[] = [];
    const result = await loadReferenceData(handle.db, (line) => progress.push(line));
    expect(await counts()).toEqual(before);
    expect(result.datasets.map((d) => d.name)).toEqual(["rome", "geo", "naf", "opco", "diplomas"]);
    expect(progress[0]).toMatch(/Chargement/);
    expect(progress.some((l) => /13 120 appellations/.test(l.replace(/\u202f/g, " ")))).toBe(true);
    expect(progress.at(-1)).toMatch(/chargées en [\d.]+ s/);
  }, 120_000);
});

describe("ROME texts", () => {
  it("joins sentences in order, restores apostrophes and ends each sentence", () => {
    expect(
      joinSentences([
        { position_phrase: "2", libelle_texte: "Peut diriger une équipe" },
        { position_phrase: "1", libelle_texte: "Prépare les produits selon les règles d''hygiène." },
      ]),
    ).toBe("Prépare les produits selon les règles d'hygiène. Peut diriger une équipe.");
  });
});
