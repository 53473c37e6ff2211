import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    config: {
      rateLimitPerMinute: 100_000,
      applicationsPerIpPerMinute: 4,
      applicationsPerTarget: 2,
      applicationsPerDay: 5,
      offerMaxApplications: 3,
    },
  });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

let ip = 0;
/** Each call from its own address, so that only the limit under test can trigger. */
const applyFrom = (fields: Record<string, string>, address?: string) =>
  apply(t, fields, [cvPdf()], { remoteAddress: address ?? `10.0.${Math.floor(++ip / 250)}.${ip % 250}` });

const offerRow = (id: string) =>
  t.db.db.selectFrom("offers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("limits", () => {
  it("ALREADY_APPLIED: a second application to the same offer (same address, any case) is refused with its date", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const { offerId: other } = await recruiterWithOffer(t);
    const who = candidate();
    expect((await applyFrom({ offerId, ...who })).status).toBe(201);
    const again = await applyFrom({ offerId, ...who, email: (who.email as string).toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_APPLIED");
    expect(again.body.error.message).toMatch(/^Vous avez déjà postulé à cette offre le \d{1,2}(er)? \p{L}+ \d{4} /u);
    expect(again.body.error.details.appliedAt).toBe(t.clock.now().toISOString());
    const count = await t.db.db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("offer_id", "=", offerId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    // Another offer is another target.
    expect((await applyFrom({ offerId: other, ...who })).status).toBe(201);
  });

  it("APPLICATIONS_PER_DAY: 5 in 24 hours, then 429 until the window has passed", async () => {
    const who = candidate();
    const start = t.clock.now();
    for (let i = 0; i < 5; i++) {
      const { offerId } = await recruiterWithOffer(t);
      expect((await applyFrom({ offerId, ...who })).status).toBe(201);
    }
    const { offerId } = await recruiterWithOffer(t);
    const sixth = await applyFrom({ offerId, ...who });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toMatchObject({ code: "APPLICATION_DAILY_LIMIT", details: { limit: 5 } });
    t.clock.set(new Date(start.getTime() + 24 * 3_600_000 + 1_000));
    expect((await applyFrom({ offerId, ...who })).status).toBe(201);
    t.clock.set(start);
  });

  it("APPLICATIONS_PER_IP_PER_MINUTE: the fifth request of a minute from one address is refused", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await applyFrom({ offerId: "not-a-uuid", ...candidate() }, "10.9.9.9")).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const limited = await applyFrom({ offerId, ...candidate() }, "10.9.9.9");
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect((await applyFrom({ offerId, ...candidate() }, "10.9.9.10")).status).toBe(201);
  });
});

describe("offers that no longer take applications", () => {
  it("refuses an unknown offer (404), a cancelled one and one past its expiry (410)", async () => {
    expect((await applyFrom({ offerId: "00000000-0000-4000-8000-000000000000", ...candidate() })).body.error.code).toBe(
      "OFFER_NOT_FOUND",
    );
    const { recruiter, offerId } = await recruiterWithOffer(t);
    await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${offerId}/cancel`,
      headers: { cookie: recruiter.cookie },
    });
    const cancelled = await applyFrom({ offerId, ...candidate() });
    expect(cancelled.status).toBe(410);
    expect(cancelled.body.error.code).toBe("APPLICATION_OFFER_CLOSED");

    // Past its expiry date, before the expiry job has run.
    const { offerId: old } = await recruiterWithOffer(t);
    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 31 * 86_400_000));
    expect((await applyFrom({ offerId: old, ...candidate() })).status).toBe(410);
    t.clock.set(start);
  });

  it("OFFER_MAX_APPLICATIONS: the third application closes the offer, the recruiter is told, then it is refused", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    for (let i = 0; i < 3; i++) expect((await applyFrom({ offerId, ...candidate() })).status).toBe(201);
    const closed = await offerRow(offerId);
    expect(closed).toMatchObject({ status: "expired", applications_count: 3 });
    await t.flushMail();
    const told = t.smtp.to(recruiter.user.email).filter((m) => m.subject.includes("candidatures : elle est retirée"));
    expect(told.map((m) => m.subject)).toEqual([
      "Votre offre « Boulanger / Boulangère » a reçu 3 candidatures : elle est retirée",
    ]);
    expect((await applyFrom({ offerId, ...candidate() })).body.error.code).toBe("APPLICATION_OFFER_CLOSED");

    // The owner's list shows the counter.
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/me/offers", headers: { cookie: recruiter.cookie } });
    expect(mine.json().items.find((o: { id: string }) => o.id === offerId)).toMatchObject({
      applications: 3,
      status: "expired",
    });

    // Put back online by its owner: a new period, a new allowance.
    const extended = await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${offerId}/extend`,
      headers: { cookie: recruiter.cookie },
    });
    expect(extended.json().status).toBe("active");
    expect((await applyFrom({ offerId, ...candidate() })).status).toBe(201);
    expect(await offerRow(offerId)).toMatchObject({ status: "active", applications_count: 4 });
  });
});
