import { isTrainingOrganisationNaf, isValidSiret } from "@tremplin/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { companiesDeps, findTrainingOrganisationsNear, resolveEstablishment } from "../modules/companies/service.js";
import { companiesDemoSeeder } from "./companies.js";
import { DEMO_CFA_COUNT, DEMO_COMPANY_COUNT, demoShowcase, generateDemoCompanies } from "./companies-data.js";
import { demoSeeders } from "./load-demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = async (url: string) => {
  const response = await t.app.inject({ method: "GET", url });
  return { status: response.statusCode, body: response.json() };
};

describe("demo company directory", () => {
  it("answers 404 for the demo SIRETs before the demo set is loaded", async () => {
    expect(demoSeeders).toContain(companiesDemoSeeder);
    expect(await companiesDemoSeeder.isLoaded(t.db.db)).toBe(false);
    const { status, body } = await get("/api/v1/demo/sirets");
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/démonstration/);
  });

  it("loads visibly fictional establishments, once", async () => {
    const lines: string[] = [];
    await companiesDemoSeeder.load(t.db.db, { publicUrl: t.config.publicUrl }, (l) => lines.push(l));
    expect(await companiesDemoSeeder.isLoaded(t.db.db)).toBe(true);
    expect(lines.join("\n")).toMatch(/3000 établissements fictifs, dont 100 organismes de formation/);
    const stats = await sql<{ n: number; closed: number; hidden: number; named: number }>`
      select count(*)::int as n, count(*) filter (where admin_state = 'F')::int as closed,
             count(*) filter (where diffusion <> 'O')::int as hidden,
             count(*) filter (where name like 'DÉMO %' or name like 'CFA DÉMO %')::int as named
      from establishments`.execute(t.db.db);
    expect(stats.rows[0]).toMatchObject({ n: DEMO_COMPANY_COUNT, named: DEMO_COMPANY_COUNT });
    expect(stats.rows[0]?.closed).toBeGreaterThan(100);
    expect(stats.rows[0]?.hidden).toBeGreaterThan(30);
  });

  it("gives every one of the 11 OPCOs several companies", async () => {
    const perOpco = await sql<{ opco_id: string; n: number }>`
      select io.opco_id, count(*)::int as n from establishment_idccs i join idcc_opcos io using (idcc)
      group by io.opco_id`.execute(t.db.db);
    expect(perOpco.rows).toHaveLength(11);
    for (const row of perOpco.rows) expect(row.n).toBeGreaterThanOrEqual(5);
  });

  it("lists one SIRET per case, each behaving as announced", async () => {
    const { status, body } = await get("/api/v1/demo/sirets");
    expect(status).toBe(200);
    const byKind = Object.fromEntries(body.map((d: { kind: string; siret: string }) => [d.kind, d]));
    expect(Object.keys(byKind).sort()).toEqual(
      ["closed", "notDiffusible", "trainingOrganisation", "withOpco", "withoutOpco"].sort(),
    );
    for (const d of body) expect(d.name).toMatch(/Démo/);
    expect((await get(`/api/v1/companies/${byKind.withOpco.siret}`)).body.opco).toEqual(expect.any(String));
    const without = await get(`/api/v1/companies/${byKind.withoutOpco.siret}`);
    expect(without).toMatchObject({ status: 200, body: { opco: null } });
    expect((await get(`/api/v1/companies/${byKind.closed.siret}`)).body.error.code).toBe("SIRET_CLOSED");
    expect((await get(`/api/v1/companies/${byKind.notDiffusible.siret}`)).body.error.code).toBe("SIRET_NOT_DIFFUSIBLE");
    const cfa = await get(`/api/v1/companies/${byKind.trainingOrganisation.siret}`);
    expect(isTrainingOrganisationNaf(cfa.body.nafCode)).toBe(true);
  });

  it("finds training centres around a point through the partial GiST index", async () => {
    const deps = companiesDeps(t.deps);
    const cfa = await resolveEstablishment(
      deps,
      demoShowcase().find((s) => s.kind === "trainingOrganisation")?.siret ?? "",
    );
    if (!cfa?.lat || !cfa.lon) throw new Error("demo CFA without position");
    const near = await findTrainingOrganisationsNear(deps, { lat: cfa.lat, lon: cfa.lon }, 10);
    expect(near[0]).toMatchObject({ siret: cfa.siret, distanceKm: 0 });
    expect(near.every((n) => isTrainingOrganisationNaf(n.nafCode) && n.distanceKm <= 10)).toBe(true);
    expect(near.map((n) => n.distanceKm)).toEqual([...near.map((n) => n.distanceKm)].sort((a, b) => a - b));
    // The query shape must match the partial index (active training organisations), or searches scan 11 M rows.
    const plan = await t.db.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ "QUERY PLAN": string }>`explain select siret from establishments
        where admin_state = 'A' and naf_code in ('8532Z', '8541Z', '8542Z', '8559A', '8559B')
          and earth_box(ll_to_earth(45.76, 4.84), 10000) @> ll_to_earth(lat, lon)`.execute(trx);
    });
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("establishments_geo_idx");
  });

  it("is deterministic, with valid SIRETs and ~100 CFAs in big cities", async () => {
    const communes = [
      { inseeCode: "69123", name: "Lyon", postalCode: "69001", lat: 45.76, lon: 4.84, population: 520_000 },
      { inseeCode: "01001", name: "Village", postalCode: "01400", lat: 46.15, lon: 4.93, population: 800 },
    ];
    const a = generateDemoCompanies(communes, 300);
    expect(generateDemoCompanies(communes, 300)).toEqual(a);
    expect(a.every((c) => isValidSiret(c.siret))).toBe(true);
    expect(new Set(a.map((c) => c.siret)).size).toBe(300);
    const cfas = a.filter((c) => c.kind === "trainingOrganisation");
    expect(cfas).toHaveLength(DEMO_CFA_COUNT);
    expect(cfas.every((c) => isTrainingOrganisationNaf(c.nafCode))).toBe(true);
  });
});
