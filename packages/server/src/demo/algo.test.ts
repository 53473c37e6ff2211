import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/test-database.js";
import type { DatabaseHandle } from "../db/connection.js";
import { findExposedCompanies } from "../modules/algo-companies/search-service.js";
import { algoDemoSeeder } from "./algo.js";
import { companiesDemoSeeder } from "./companies.js";
import { demoSiret } from "./companies-data.js";
import { demoSeeders } from "./load-demo.js";

const handles: DatabaseHandle[] = [];
const exposedPairs: string[][] = [];

async function seeded(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  handles.push(handle);
  await companiesDemoSeeder.load(handle.db, { publicUrl: "http://tremplin.test" }, () => {});
  expect(await algoDemoSeeder.isLoaded(handle.db)).toBe(false);
  await algoDemoSeeder.load(handle.db, { publicUrl: "http://tremplin.test" }, () => {});
  const rows = await handle.db
    .selectFrom("algo_exposed as x")
    .innerJoin("algo_publication as p", "p.active_run_id", "x.run_id")
    .select(["x.siret", "x.rome_code", "x.score"])
    .orderBy("x.siret")
    .orderBy("x.rome_code")
    .execute();
  exposedPairs.push(rows.map((r) => `${r.siret}:${r.rome_code}:${r.score}`));
  return handle;
}

beforeAll(async () => {
  await seeded();
  await seeded();
}, 240_000);
afterAll(async () => {
  for (const h of handles) await h.close();
});

describe("jeu de démonstration de l'algorithme", () => {
  it("expose des entreprises du jeu de démonstration, le même jeu à chaque chargement", async () => {
    const [a, b] = exposedPairs as [string[], string[]];
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    const demo = new Set(Array.from({ length: 3000 }, (_, i) => demoSiret(i)));
    expect(a.every((p) => demo.has(p.slice(0, 14)))).toBe(true);
    expect(demoSeeders.indexOf(algoDemoSeeder)).toBeGreaterThan(demoSeeders.indexOf(companiesDemoSeeder));
    expect(await algoDemoSeeder.isLoaded((handles[0] as DatabaseHandle).db)).toBe(true);
  });

  it("laisse un rapport d'évaluation, et des entreprises autour d'une grande ville et une demande dans chaque file", async () => {
    const db = (handles[0] as DatabaseHandle).db;
    const runs = await db.selectFrom("algo_runs").select(["kind", "status", "report_svg"]).orderBy("id").execute();
    expect(runs.map((r) => [r.kind, r.status])).toEqual([
      ["evaluate", "succeeded"],
      ["score", "succeeded"],
    ]);
    expect(runs[0]?.report_svg).toMatch(/^<svg/);
    const romes = (await db.selectFrom("algo_exposed").select("rome_code").distinct().execute()).map(
      (r) => r.rome_code,
    );
    const paris = await findExposedCompanies(db, {
      romes,
      lat: 48.8566,
      lon: 2.3522,
      radiusKm: 30,
      limit: 10,
      day: "2026-03-02",
    });
    expect(paris.items.length).toBeGreaterThan(0);
    expect(paris.items[0]?.name).toMatch(/Démo/);
    const listings = await db.selectFrom("algo_listing_requests").select(["status", "company_name"]).execute();
    expect(listings).toEqual([{ status: "pending", company_name: expect.stringMatching(/Démo/) }]);
    const delistings = await db.selectFrom("algo_delisting_requests").select(["status", "company_name"]).execute();
    expect(delistings).toEqual([{ status: "pending_review", company_name: expect.stringMatching(/Démo/) }]);
  });
});
