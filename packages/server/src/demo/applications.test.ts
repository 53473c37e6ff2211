import { randomBytes } from "node:crypto";
import { applicationStatuses } from "@tremplin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { openCv } from "../modules/applications/cv-vault.js";
import { getBarometer } from "../modules/stats/barometer-service.js";
import { applicationsDemoSeeder, DEMO_CANDIDATE } from "./applications.js";
import { companiesDemoSeeder } from "./companies.js";
import { demoSeeders } from "./load-demo.js";
import { membershipsDemoSeeder } from "./memberships.js";
import { DEMO_PEOPLE, offersDemoSeeder } from "./offers.js";

let t: TestApp;
const key = randomBytes(32);
const reports: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const options = { publicUrl: t.config.publicUrl, cvEncryptionKey: key, cvRetentionDays: 60 };
  for (const seeder of [companiesDemoSeeder, offersDemoSeeder, membershipsDemoSeeder, applicationsDemoSeeder])
    await seeder.load(t.db.db, options, (line) => reports.push(line));
}, 240_000);
afterAll(async () => t?.close());

describe("demo applications", () => {
  it("loads after the offers and the memberships it builds on", () => {
    expect(demoSeeders.indexOf(applicationsDemoSeeder)).toBeGreaterThan(demoSeeders.indexOf(membershipsDemoSeeder));
  });

  it("gives the demo recruiter's inbox and the demo candidate every status", async () => {
    expect(await applicationsDemoSeeder.isLoaded(t.db.db)).toBe(true);
    const home = await t.db.db
      .selectFrom("users as u")
      .innerJoin("accounts as a", "a.user_id", "u.id")
      .select(["u.id", "a.siret"])
      .where("u.email", "=", DEMO_PEOPLE.recruiter)
      .executeTakeFirstOrThrow();
    const received = await t.db.db
      .selectFrom("applications")
      .select(["status", "target_kind"])
      .where((eb) => eb.or([eb("recipient_user_id", "=", home.id), eb("siret", "=", home.siret)]))
      .execute();
    expect(new Set(received.map((r) => r.status))).toEqual(new Set(applicationStatuses));
    expect(new Set(received.map((r) => r.target_kind))).toEqual(new Set(["offer", "company"]));

    const sent = await t.db.db
      .selectFrom("applications")
      .select(["status", "contract_signed_at", "refusal_reason"])
      .where("candidate_email", "=", DEMO_CANDIDATE)
      .execute();
    expect(sent.map((r) => r.status).sort()).toEqual([...applicationStatuses].sort());
    expect(sent.find((r) => r.status === "refused")?.refusal_reason).not.toBeNull();
    const candidate = await t.db.db
      .selectFrom("users")
      .select("role")
      .where("email", "=", DEMO_CANDIDATE)
      .executeTakeFirst();
    expect(candidate?.role).toBe("candidate");
  });

  it("keeps the recent CVs encrypted with the given key, and none past the retention", async () => {
    const cvs = await t.db.db
      .selectFrom("application_cvs as c")
      .innerJoin("applications as a", "a.id", "c.application_id")
      .select(["c.application_id", "c.iv", "c.auth_tag", "c.ciphertext", "c.delete_after", "a.created_at"])
      .execute();
    expect(cvs.length).toBeGreaterThan(0);
    const cv = cvs[0] as (typeof cvs)[number];
    const bytes = openCv(key, cv.application_id, {
      iv: Buffer.from(cv.iv),
      authTag: Buffer.from(cv.auth_tag),
      ciphertext: Buffer.from(cv.ciphertext),
    });
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(cvs.every((c) => new Date(c.delete_after) > new Date())).toBe(true);
  });

  it("fills the barometer over the year and the live offers' audience", async () => {
    const barometer = await getBarometer({ db: t.db.db, clock: { now: () => new Date() } }, {});
    const months = barometer.months.filter((m) => m.applicationsToOffers > 0);
    expect(months.length).toBeGreaterThanOrEqual(10);
    expect(barometer.months.filter((m) => m.offersPosted > 0).length).toBeGreaterThanOrEqual(10);
    const sum = (pick: (m: (typeof barometer.months)[number]) => number) =>
      barometer.months.reduce((n, m) => n + pick(m), 0);
    expect(sum((m) => m.spontaneousApplications)).toBeGreaterThan(0);
    expect(sum((m) => m.hires)).toBeGreaterThan(0);
    const answerRate = sum((m) => m.answeredWithin7Days) / sum((m) => m.applicationsAnswerable);
    expect(answerRate).toBeGreaterThan(0.1);
    expect(answerRate).toBeLessThan(0.9);
    expect(barometer.months.some((m) => (m.medianDaysToFirstAnswer ?? 0) > 0)).toBe(true);

    const audience = await t.db.db
      .selectFrom("offer_daily_stats")
      .select((eb) => [eb.fn.countAll<number>().as("days"), eb.fn.sum<number>("views").as("views")])
      .executeTakeFirstOrThrow();
    expect(Number(audience.days)).toBeGreaterThan(100);
    const counted = await t.db.db
      .selectFrom("offers")
      .select(["applications_count"])
      .where("applications_count", ">", 0)
      .execute();
    expect(counted.length).toBeGreaterThan(50);
    const pastWithoutViews = await t.db.db
      .selectFrom("offers")
      .select("id")
      .where("status", "<>", "active")
      .where("views", "=", 0)
      .execute();
    expect(pastWithoutViews).toEqual([]);
    expect(reports.some((r) => r.includes(DEMO_CANDIDATE))).toBe(true);
  });
});
