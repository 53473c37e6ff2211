import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { runJob } from "../../jobs/runner.js";
import { anonymiseApplicationsJob } from "./jobs.js";
import { apply, candidate, cvPdf, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    now: "2026-03-02T09:00:00.000Z",
    config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 },
  });
});
afterAll(async () => t?.close());

const anonymise = (now: string) =>
  runJob(
    anonymiseApplicationsJob,
    { config: t.config, mailer: t.mailer, now: new Date(now), log: () => {} },
    t.db,
    "test",
  );
const row = (id: string) =>
  t.db.db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const emailsOf = (id: string) =>
  t.db.db.selectFrom("outbox_emails").select("id").where("dedupe_key", "like", `application:${id}:%`).execute();

describe("applications:anonymise", () => {
  it("strips personal data two years after an application, and deletes the emails that quoted it", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const old = await apply(t, { offerId, ...candidate() }, [cvPdf()]);
    await t.flushMail();
    await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: { offerId, reason: "other", message: "Le recruteur m'a demandé mon numéro de sécurité sociale" },
    });
    t.clock.set("2026-09-01T09:00:00.000Z");
    const { offerId: later } = await recruiterWithOffer(t);
    const recent = await apply(t, { offerId: later, ...candidate() });
    expect(recent.status).toBe(201);
    expect(await emailsOf(old.body.id)).toHaveLength(2);

    // One day short of two years: nothing changes.
    expect((await anonymise("2028-03-01T09:00:00.000Z")).summary).toMatchObject({ anonymised: 0 });
    expect((await row(old.body.id)).candidate_email).not.toBeNull();

    const run = await anonymise("2028-03-02T10:00:00.000Z");
    expect(run.summary).toMatchObject({ anonymised: 1, emailsDeleted: 2, reportMessagesWiped: 1 });
    expect(await row(old.body.id)).toMatchObject({
      candidate_first_name: null,
      candidate_last_name: null,
      candidate_email: null,
      candidate_phone: null,
      message: null,
      cv_file_name: null,
      recipient_email: null,
      answer_message: null,
      anonymised_at: new Date("2028-03-02T10:00:00.000Z"),
      // What remains is not personal: where, when, what happened.
      offer_id: offerId,
      status: "new",
      source: "tremplin",
    });
    expect(await emailsOf(old.body.id)).toEqual([]);
    const report = await t.db.db.selectFrom("abuse_reports").select("message").executeTakeFirstOrThrow();
    expect(report.message).toBeNull();
    // The recent one keeps its data; a second run does nothing more.
    expect((await row(recent.body.id)).candidate_email).not.toBeNull();
    expect((await anonymise("2028-03-02T11:00:00.000Z")).summary).toMatchObject({ anonymised: 0, emailsDeleted: 0 });

    // The recruiter's list still counts it, without a name.
    const list = await t.db.db.selectFrom("applications").select("id").where("offer_id", "=", offerId).execute();
    expect(list).toHaveLength(1);
  });
});
