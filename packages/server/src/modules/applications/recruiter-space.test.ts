import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { createApiKey } from "../diffusion/api-keys.js";
import { apply, candidate, cvPdf, recruiterWithOffer } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
});
afterAll(async () => t?.close());

const get = async (url: string, cookie: string) => {
  const r = await t.app.inject({ method: "GET", url, headers: { cookie } });
  return { status: r.statusCode, body: r.body, json: () => r.json(), headers: r.headers };
};

describe("the recruiter's applications", () => {
  it("lists an offer's applications with their state, counts and delivery, newest first", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    const first = await apply(t, { offerId, ...candidate({ firstName: "Aya" }) }, [cvPdf()]);
    t.clock.advanceMs(60_000);
    await apply(t, { offerId, ...candidate({ firstName: "Noé", message: "" }) });
    await t.flushMail();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/me/applications/${first.body.id}/answer`,
      headers: { cookie: recruiter.cookie },
      payload: { decision: "refused", reason: "dates_mismatch" },
    });

    const r = await get(`/api/v1/me/offers/${offerId}/applications`, recruiter.cookie);
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.offer).toMatchObject({ id: offerId, title: "Boulanger / Boulangère", status: "active" });
    expect(body.counts).toEqual({ total: 2, new: 1, seen: 0, interview: 0, refused: 1, hired: 0, withdrawn: 0 });
    expect(body.items.map((a: { candidate: { firstName: string } }) => a.candidate.firstName)).toEqual(["Noé", "Aya"]);
    expect(body.items[1]).toMatchObject({
      status: "refused",
      statusLabel: "Refusée",
      answer: { decision: "refused", reason: "dates_mismatch", message: null },
      cv: { fileName: "mon-cv.pdf" },
      delivery: "delivered",
      source: "tremplin",
    });
    expect(body.items[0]).toMatchObject({ cv: null, message: null, answer: null });

    const mine = await get("/api/v1/me/offers", recruiter.cookie);
    expect(mine.json().items.find((o: { id: string }) => o.id === offerId).applications).toBe(2);
  });

  it("exports them as a CSV for French spreadsheets, formulas neutralised", async () => {
    const { recruiter, offerId } = await recruiterWithOffer(t);
    await apply(t, { offerId, ...candidate({ lastName: "=HYPERLINK(1)", message: 'Il a dit "bonjour"\nà demain' }) });
    const r = await get(`/api/v1/me/offers/${offerId}/applications.csv`, recruiter.cookie);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe('attachment; filename="candidatures-boulanger-boulangere.csv"');
    const lines = r.body.split("\r\n");
    expect(lines[0]?.startsWith('\uFEFF"Date (heure de Paris)";"Prénom";"Nom";"E-mail"')).toBe(true);
    expect(r.body).toContain(`"'=HYPERLINK(1)"`);
    expect(r.body).toContain('"Il a dit ""bonjour""\nà demain"');
    expect(r.body).toContain('"Nouvelle"');
  });

  it("shows nothing of another recruiter's offer", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const stranger = await recruiterWithCompany(t);
    const r = await get(`/api/v1/me/offers/${offerId}/applications`, stranger.cookie);
    expect(r.status).toBe(404);
    expect((await get(`/api/v1/me/offers/${offerId}/applications.csv`, stranger.cookie)).status).toBe(404);
  });

  it("lists spontaneous applications received by the company account, with the partner's name", async () => {
    const company = await recruiterWithCompany(t);
    const siret = company.establishment.siret;
    const key = await createApiKey(t.db.db, { name: "Plateforme Alternance+", scopes: ["applications:write"] });
    await apply(t, { siret, ...candidate() }, [cvPdf()], { headers: { authorization: `Bearer ${key.key}` } });
    const r = await get("/api/v1/me/spontaneous-applications", company.cookie);
    expect(r.json().items).toHaveLength(1);
    expect(r.json().items[0]).toMatchObject({
      target: { kind: "company", siret, offerId: null },
      source: "Plateforme Alternance+",
    });
    const other = await recruiterWithCompany(t);
    expect((await get("/api/v1/me/spontaneous-applications", other.cookie)).json().items).toEqual([]);
  });
});
