import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf, recruiterWithOffer } from "../applications/test-support.js";

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
  admin = await signedIn(t, "admin");
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

let ip = 0;
const report = async (payload: object, remoteAddress = `10.1.0.${++ip}`) => {
  const r = await t.app.inject({ method: "POST", url: "/api/v1/reports", payload, remoteAddress });
  return { status: r.statusCode, body: r.json() };
};
const asAdmin = async (method: "GET" | "POST", url: string, payload?: object) => {
  const r = await t.app.inject({ method, url, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });
  return { status: r.statusCode, body: r.json() };
};

describe("« Signaler cette offre / entreprise »", () => {
  it("takes a report from anyone, with a reason from the list, and refuses unknown targets", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const ok = await report({ offerId, reason: "scam", message: "On me demande de payer une formation." });
    expect(ok.status).toBe(201);
    expect(ok.body.message).toContain("Merci");
    expect((await report({ offerId, reason: "spam" })).status).toBe(400);
    expect((await report({ offerId: "00000000-0000-4000-8000-000000000000", reason: "scam" })).body.error.code).toBe(
      "OFFER_NOT_FOUND",
    );
    expect((await report({ siret: "35600000000048", reason: "scam" })).body.error.code).toBe("SIRET_UNKNOWN");
    expect((await report({ reason: "scam" })).status).toBe(400);
  });

  it("is rate-limited per address", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await report({ offerId, reason: "other" }, "10.2.2.2")).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it("queues reports for admins only, oldest first, with how often the target was reported", async () => {
    const { offerId } = await recruiterWithOffer(t);
    await report({ offerId, reason: "discrimination" });
    await report({ offerId, reason: "inappropriate" });
    const queue = await asAdmin("GET", "/api/v1/admin/reports");
    expect(queue.status).toBe(200);
    const mine = queue.body.items.filter((r: { target: { offerId: string } }) => r.target.offerId === offerId);
    expect(mine.map((r: { reasonLabel: string }) => r.reasonLabel)).toEqual([
      "Contenu discriminatoire",
      "Contenu choquant ou inapproprié",
    ]);
    expect(mine[0]).toMatchObject({
      status: "open",
      reportsOnTarget: 2,
      target: { kind: "offer", title: "Boulanger / Boulangère", offerStatus: "active" },
    });
    const recruiter = await signedIn(t, "recruiter");
    const denied = await t.app.inject({
      method: "GET",
      url: "/api/v1/admin/reports",
      headers: { cookie: recruiter.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });

  it("unpublishing an offer cancels it, closes its reports, tells its manager, and stops applications", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    const first = await report({ offerId, reason: "scam" });
    await report({ offerId, reason: "other" });
    const done = await asAdmin("POST", `/api/v1/admin/reports/${first.body.id}/unpublish`, {
      note: "Demande d'argent aux candidats.",
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "unpublished", decisionNote: "Demande d'argent aux candidats." });
    expect(done.body.target.offerStatus).toBe("cancelled");
    const open = await asAdmin("GET", "/api/v1/admin/reports");
    expect(open.body.items.some((r: { target: { offerId: string } }) => r.target.offerId === offerId)).toBe(false);

    await t.flushMail();
    const told = t.smtp.to(recruiter.user.email).find((m) => m.subject.includes("a été retirée de Tremplin"));
    expect(told?.text).toContain("Arnaque, demande d'argent ou de données personnelles");
    expect(told?.text).toContain("Demande d'argent aux candidats.");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${offerId}` })).statusCode).toBe(410);
    expect((await apply(t, { offerId, ...candidate() })).body.error.code).toBe("APPLICATION_OFFER_CLOSED");
    const again = await asAdmin("POST", `/api/v1/admin/reports/${first.body.id}/dismiss`, {});
    expect(again.body.error.code).toBe("REPORT_ALREADY_DECIDED");
  });

  it("unpublishing a company stops spontaneous applications to it; dismissing changes nothing", async () => {
    const company = await recruiterWithCompany(t);
    const siret = company.establishment.siret;
    const dismissed = await report({ siret, reason: "no_longer_exists" });
    expect((await asAdmin("POST", `/api/v1/admin/reports/${dismissed.body.id}/dismiss`, {})).body.status).toBe(
      "dismissed",
    );
    expect((await apply(t, { siret, ...candidate() }, [cvPdf()])).status).toBe(201);

    const r = await report({ siret, reason: "scam" });
    expect((await asAdmin("POST", `/api/v1/admin/reports/${r.body.id}/unpublish`, {})).body.status).toBe("unpublished");
    const refused = await apply(t, { siret, ...candidate() }, [cvPdf()]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("APPLICATION_COMPANY_NOT_TARGETABLE");
  });
});
