import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/test-database.js";
import type { DatabaseHandle } from "../db/connection.js";
import { matchCfas } from "../modules/cfa-matching/matching-service.js";
import { cfaDemoSeeder, DEMO_CFA_EMAIL } from "./cfa-catalogue.js";
import { companiesDemoSeeder } from "./companies.js";
import { DEMO_CFA_COUNT, demoSiret } from "./companies-data.js";

let handle: DatabaseHandle;
const options = { publicUrl: "http://tremplin.test" };

beforeAll(async () => {
  handle = await createTestDatabase();
  await companiesDemoSeeder.load(handle.db, options, () => {});
  expect(await cfaDemoSeeder.isLoaded(handle.db)).toBe(false);
  await cfaDemoSeeder.load(handle.db, options, () => {});
});
afterAll(async () => handle?.close());

describe("demo CFA catalogue", () => {
  it("gives every demo training organisation visibly fictional trainings from real diplomas", async () => {
    expect(await cfaDemoSeeder.isLoaded(handle.db)).toBe(true);
    const orgs = await handle.db
      .selectFrom("training_organisations")
      .selectAll()
      .where("source", "=", "demo")
      .execute();
    expect(orgs).toHaveLength(DEMO_CFA_COUNT);
    expect(orgs.every((o) => /^CFA Démo des métiers (de |d'|du |des )/.test(o.name ?? ""))).toBe(true);
    expect(orgs.filter((o) => !o.quality_certified)).toHaveLength(10);
    expect(orgs.filter((o) => o.requests_opted_out_at !== null)).toHaveLength(4);
    const showcase = orgs.find((o) => o.siret === demoSiret(0));
    expect(showcase).toMatchObject({ quality_certified: true, requests_opted_out_at: null, email: DEMO_CFA_EMAIL });

    const trainings = await handle.db.selectFrom("trainings").selectAll().where("source", "=", "demo").execute();
    // Every record went through the importer's mapper without a reject: titles and ROME codes known.
    expect(trainings.length).toBeGreaterThanOrEqual(DEMO_CFA_COUNT * 2);
    expect(
      trainings.every((t) => t.rome_source === "rncp" && t.rome_codes.length > 0 && t.diploma_level !== null),
    ).toBe(true);
    expect(trainings.find((t) => t.cfd === "45022108")).toMatchObject({
      title: "BOULANGER (BP)",
      rome_codes: ["D1102", "H2102"],
    });

    const account = await handle.db
      .selectFrom("accounts as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["a.siret", "a.type", "a.status", "u.role"])
      .where("u.email", "=", DEMO_CFA_EMAIL)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ siret: demoSiret(0), type: "cfa", status: "active", role: "cfa" });
  });

  it("puts CFAs near the demo companies: most of them find one for the bakery and the garage trades (measured 85 %)", async () => {
    const companies = await handle.db
      .selectFrom("establishments")
      .select(["lat", "lon"])
      .where("naf_code", "not like", "85%")
      .where("admin_state", "=", "A")
      .orderBy("siret")
      .limit(40)
      .execute();
    for (const romeCode of ["D1102", "I1604"]) {
      let found = 0;
      for (const c of companies) {
        const m = await matchCfas(handle.db, { romeCode, lat: c.lat, lon: c.lon }, 100);
        if (m.matches.some((x) => x.match === "exact")) found++;
      }
      expect(found / companies.length).toBeGreaterThan(0.75);
    }
  });
});
