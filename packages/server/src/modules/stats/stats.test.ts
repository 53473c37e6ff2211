import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEstablishment, insertOffer, recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-10T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
});
afterAll(async () => t?.close());

const LYON = { latitude: 45.7578, longitude: 4.832 };

/** An application row written directly: the barometer reads dates and statuses, not how it was sent. */
async function insertApplication(values: {
  offerId?: string;
  siret: string;
  createdAt: string;
  firstDecisionAt?: string;
  status?: "new" | "seen" | "interview" | "refused" | "hired";
}) {
  await t.db.db
    .insertInto("applications")
    .values({
      target_kind: values.offerId ? "offer" : "company",
      offer_id: values.offerId ?? null,
      siret: values.siret,
      company_name: "Entreprise",
      recipient_source: "offer_contact",
      source: "tremplin",
      candidate_email: "candidat@exemple.fr",
      status: values.status ?? "new",
      created_at: values.createdAt,
      first_decision_at: values.firstDecisionAt ?? null,
    })
    .execute();
}

describe("offer statistics", () => {
  it("counts impressions in search, page views, apply clicks and applications per day, for the owner only", async () => {
    const recruiter = await recruiterWithCompany(t);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/offers",
      headers: { cookie: recruiter.cookie },
      payload: { appellationCode: "11573", startDate: "2026-09-01" },
    });
    const offerId = created.json().id as string;
    const search = () =>
      t.app.inject({
        method: "GET",
        url: `/api/v1/jobs/search?romes=D1102&latitude=${LYON.latitude}&longitude=${LYON.longitude}&radius=30&limit=100`,
      });
    const found = await search();
    expect(found.json().offers.map((o: { id: string }) => o.id)).toContain(offerId);
    await search();
    const view = () => t.app.inject({ method: "POST", url: `/api/v1/offers/${offerId}/view` });
    const click = (id = offerId) => t.app.inject({ method: "POST", url: `/api/v1/offers/${id}/apply-click` });
    expect((await view()).statusCode).toBe(204);
    expect((await click()).statusCode).toBe(204);
    // A click on an offer that does not exist is dropped, without losing the others' counts.
    expect((await click("00000000-0000-4000-8000-000000000000")).statusCode).toBe(204);
    await insertApplication({ offerId, siret: recruiter.establishment.siret, createdAt: "2026-03-10T10:00:00.000Z" });

    // The next day (Paris): one more view.
    t.clock.set("2026-03-11T08:00:00.000Z");
    await view();

    const stats = await t.app.inject({
      method: "GET",
      url: `/api/v1/me/offers/${offerId}/stats`,
      headers: { cookie: recruiter.cookie },
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      offerId,
      from: "2026-03-10",
      to: "2026-03-11",
      days: [
        { day: "2026-03-10", impressions: 2, views: 1, applyClicks: 1, applications: 1 },
        { day: "2026-03-11", impressions: 0, views: 1, applyClicks: 0, applications: 0 },
      ],
      totals: { impressions: 2, views: 2, applyClicks: 1, applications: 1 },
    });

    const stranger = await recruiterWithCompany(t);
    const refused = await t.app.inject({
      method: "GET",
      url: `/api/v1/me/offers/${offerId}/stats`,
      headers: { cookie: stranger.cookie },
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe("barometer", () => {
  it("computes each month's figures from known data, nationally and per region", async () => {
    t.clock.set("2026-06-20T10:00:00.000Z");
    // Lyon (region 84) and Rennes (region 53).
    const lyon = await insertEstablishment(t, { insee_code: "69382" });
    const rennes = await insertEstablishment(t, { insee_code: "35238", city: "Rennes", postal_code: "35000" });
    const lyonOffer = await insertOffer(t, {
      siret: lyon.siret,
      insee_code: "69382",
      published_at: new Date("2026-04-05T10:00:00.000Z"),
    });
    await insertOffer(t, {
      siret: rennes.siret,
      insee_code: "35238",
      published_at: new Date("2026-04-20T10:00:00.000Z"),
    });
    await insertOffer(t, {
      siret: rennes.siret,
      insee_code: "35238",
      published_at: new Date("2026-05-02T10:00:00.000Z"),
    });

    // April: 4 applications to the Lyon offer: answered in 2 days, in 6 days, in 10 days (late), never; 1 hired.
    await insertApplication({
      offerId: lyonOffer.id,
      siret: lyon.siret,
      createdAt: "2026-04-06T10:00:00.000Z",
      firstDecisionAt: "2026-04-08T10:00:00.000Z",
      status: "hired",
    });
    await insertApplication({
      offerId: lyonOffer.id,
      siret: lyon.siret,
      createdAt: "2026-04-06T10:00:00.000Z",
      firstDecisionAt: "2026-04-12T10:00:00.000Z",
      status: "refused",
    });
    await insertApplication({
      offerId: lyonOffer.id,
      siret: lyon.siret,
      createdAt: "2026-04-06T10:00:00.000Z",
      firstDecisionAt: "2026-04-16T10:00:00.000Z",
      status: "interview",
    });
    await insertApplication({
      offerId: lyonOffer.id,
      siret: lyon.siret,
      createdAt: "2026-04-07T10:00:00.000Z",
      status: "seen",
    });
    // April: 2 spontaneous applications to the Rennes establishment, one answered in 1 day.
    await insertApplication({
      siret: rennes.siret,
      createdAt: "2026-04-10T10:00:00.000Z",
      firstDecisionAt: "2026-04-11T10:00:00.000Z",
      status: "refused",
    });
    await insertApplication({ siret: rennes.siret, createdAt: "2026-04-11T10:00:00.000Z" });
    // June, 3 days ago: not yet answerable (its 7 days are not over).
    await insertApplication({ siret: rennes.siret, createdAt: "2026-06-17T10:00:00.000Z" });

    const response = await t.app.inject({ method: "GET", url: "/api/v1/stats/barometer?from=2026-04&to=2026-06" });
    expect(response.statusCode).toBe(200);
    const barometer = response.json();
    expect(barometer.months.map((m: { month: string }) => m.month)).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(barometer.months[0]).toEqual({
      month: "2026-04",
      offersPosted: 2,
      applicationsToOffers: 4,
      spontaneousApplications: 2,
      applicationsAnswerable: 6,
      answeredWithin7Days: 3,
      answerRate: 0.5,
      // 1, 2, 6, 10 days: median 4.
      medianDaysToFirstAnswer: 4,
      hires: 1,
    });
    expect(barometer.months[1]).toMatchObject({ offersPosted: 1, applicationsToOffers: 0, answerRate: null });
    expect(barometer.months[2]).toMatchObject({
      spontaneousApplications: 1,
      applicationsAnswerable: 0,
      answerRate: null,
    });

    const april84 = barometer.byRegion.find(
      (r: { month: string; regionCode: string }) => r.month === "2026-04" && r.regionCode === "84",
    );
    expect(april84).toMatchObject({
      offersPosted: 1,
      applicationsToOffers: 4,
      answeredWithin7Days: 2,
      answerRate: 0.5,
      medianDaysToFirstAnswer: 6,
      hires: 1,
    });
    const april53 = barometer.byRegion.find(
      (r: { month: string; regionCode: string }) => r.month === "2026-04" && r.regionCode === "53",
    );
    expect(april53).toMatchObject({
      offersPosted: 1,
      spontaneousApplications: 2,
      answerRate: 0.5,
      medianDaysToFirstAnswer: 1,
    });

    const brittany = await t.app.inject({
      method: "GET",
      url: "/api/v1/stats/barometer?from=2026-04&to=2026-04&region=53",
    });
    expect(brittany.json()).toMatchObject({
      region: { code: "53" },
      byRegion: [],
      months: [{ month: "2026-04", spontaneousApplications: 2, applicationsToOffers: 0, medianDaysToFirstAnswer: 1 }],
    });

    const bad = await t.app.inject({ method: "GET", url: "/api/v1/stats/barometer?from=2026-13" });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, "VALIDATION_ERROR"]);
    const unknownRegion = await t.app.inject({ method: "GET", url: "/api/v1/stats/barometer?region=99" });
    expect(unknownRegion.statusCode).toBe(404);
  });
});
