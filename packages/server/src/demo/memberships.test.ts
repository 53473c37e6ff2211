import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { cfaDemoSeeder } from "./cfa-catalogue.js";
import { companiesDemoSeeder } from "./companies.js";
import { DEMO_PENDING_MEMBER, membershipsDemoSeeder } from "./memberships.js";
import { DEMO_PEOPLE, offersDemoSeeder } from "./offers.js";

let t: TestApp;
const reports: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const options = { publicUrl: t.config.publicUrl };
  for (const seeder of [companiesDemoSeeder, offersDemoSeeder, cfaDemoSeeder, membershipsDemoSeeder])
    await seeder.load(t.db.db, options, (line) => reports.push(line));
}, 180_000);
afterAll(async () => t?.close());

describe("demo memberships", () => {
  it("has verified members, most verified at once, and a pending membership on the demo recruiter's company", async () => {
    expect(await membershipsDemoSeeder.isLoaded(t.db.db)).toBe(true);
    const accounts = await t.db.db
      .selectFrom("accounts as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["a.siret", "a.verification_method", "u.email"])
      .execute();
    const atOnce = accounts.filter((a) =>
      ["opco_contact", "catalogue_contact", "algo_contact", "verified_domain"].includes(a.verification_method ?? ""),
    );
    expect(atOnce.length / accounts.length).toBeGreaterThan(0.5);
    const line = reports.find((r) => r.startsWith("Comptes vérifiés dès la confirmation"));
    expect(line).toMatch(/\(\d+ %\)/);
    const home = accounts.find((a) => a.email === DEMO_PEOPLE.recruiter);
    expect(home?.verification_method).toBe("opco_contact");
    const pending = accounts.find((a) => a.email === DEMO_PENDING_MEMBER);
    expect(pending).toMatchObject({ siret: home?.siret, verification_method: null });
    console.info(line);
  });
});
