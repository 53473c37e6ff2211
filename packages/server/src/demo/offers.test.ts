import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { matchCfas } from "../modules/cfa-matching/matching-service.js";
import { cfaDemoSeeder } from "./cfa-catalogue.js";
import { companiesDemoSeeder } from "./companies.js";
import { demoShowcase } from "./companies-data.js";
import { DEMO_PEOPLE, offersDemoSeeder } from "./offers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const options = { publicUrl: t.config.publicUrl };
  await companiesDemoSeeder.load(t.db.db, options, () => {});
  await offersDemoSeeder.load(t.db.db, options, () => {});
  await cfaDemoSeeder.load(t.db.db, options, () => {});
}, 120_000);
afterAll(async () => t?.close());

describe("demo offers and people", () => {
  it("creates the demo staff and a recruiter whose space holds offers, all on undeliverable addresses", async () => {
    expect(await offersDemoSeeder.isLoaded(t.db.db)).toBe(true);
    const people = await t.db.db
      .selectFrom("users")
      .select(["email", "role", "opco_id"])
      .where("email", "in", Object.values(DEMO_PEOPLE))
      .orderBy("email")
      .execute();
    expect(people).toEqual([
      { email: DEMO_PEOPLE.admin, role: "admin", opco_id: null },
      { email: DEMO_PEOPLE.opcoAdviser, role: "opco", opco_id: "opco-ep" },
      { email: DEMO_PEOPLE.recruiter, role: "recruiter", opco_id: null },
    ]);
    const emails = await t.db.db.selectFrom("users").select("email").execute();
    expect(emails.every((u) => u.email.endsWith("@demo.tremplin.localhost"))).toBe(true);
  });

  it("publishes live offers spread over France, with ROME-generated texts, that search finds", async () => {
    const offers = await t.db.db
      .selectFrom("offers")
      .select(["id", "status", "rome_code", "description", "lat", "lon", "expires_at"])
      .execute();
    expect(offers.length).toBeGreaterThan(100);
    expect(offers.every((o) => o.status === "active" && o.description.length > 50 && o.lat !== null)).toBe(true);
    expect(new Set(offers.map((o) => o.rome_code)).size).toBeGreaterThan(10);
    const sample = offers[0] as (typeof offers)[number];
    const found = await t.app.inject({
      method: "GET",
      url: `/api/v1/jobs/search?romes=${sample.rome_code}&latitude=${sample.lat}&longitude=${sample.lon}&radius=5`,
    });
    expect(found.json().offers.map((o: { id: string }) => o.id)).toContain(sample.id);
  });

  it("certifies only accounts whose OPCO is known, and leaves the sign-up page's demo SIRETs free", async () => {
    const accounts = await t.db.db
      .selectFrom("accounts")
      .select(["siret", "status", "opco_id"])
      .where("type", "=", "company")
      .execute();
    expect(accounts.some((a) => a.status === "certified")).toBe(true);
    expect(accounts.filter((a) => a.status === "certified").every((a) => a.opco_id !== null)).toBe(true);
    const showcase = new Set(demoShowcase().map((d) => d.siret));
    expect(accounts.filter((a) => showcase.has(a.siret))).toEqual([]);
  });

  it("answers the README's first search: « boulanger » (D1102) near Lyon finds offers", async () => {
    const found = await t.app.inject({
      method: "GET",
      url: "/api/v1/jobs/search?appellationCode=11573&latitude=45.764&longitude=4.836&radius=30",
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().offers.length).toBeGreaterThan(0);
  });

  it("gives the demo recruiter bakery offers near Lyon for which several demo CFAs can be asked", async () => {
    const offers = await t.db.db
      .selectFrom("offers as o")
      .innerJoin("users as u", "u.id", "o.owner_user_id")
      .select(["o.rome_code", "o.lat", "o.lon", "o.city"])
      .where("u.email", "=", DEMO_PEOPLE.recruiter)
      .execute();
    expect(offers.length).toBeGreaterThan(0);
    const [first] = offers as [(typeof offers)[number]];
    expect(Math.abs((first.lat as number) - 45.764)).toBeLessThan(0.5);
    const best = Math.max(
      ...(await Promise.all(
        offers.map(
          async (o) =>
            (
              await matchCfas(t.db.db, { romeCode: o.rome_code, lat: o.lat as number, lon: o.lon as number }, 100)
            ).matches.length,
        ),
      )),
    );
    expect(best).toBeGreaterThanOrEqual(2);
  });
});
