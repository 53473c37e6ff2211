import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const BOULANGER = "11573"; // Boulanger / Boulangère, D1102

async function post(cookie: string, payload: object) {
  const r = await t.app.inject({ method: "POST", url: "/api/v1/offers", headers: { cookie }, payload });
  return { status: r.statusCode, body: r.json() };
}

describe("POST /api/v1/offers — one-minute posting", () => {
  it("publishes with only a job and a start date: generated text from ROME, 30 days, confirmation email", async () => {
    const r = await recruiterWithCompany(t);
    const { status, body } = await post(r.cookie, { appellationCode: BOULANGER, startDate: "2026-09-01" });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "active",
      title: "Boulanger / Boulangère",
      appellation: { codeOgr: BOULANGER, label: "Boulanger / Boulangère" },
      romeCode: "D1102",
      romeVersion: "ROME 4.0 v4.60",
      startDate: "2026-09-01",
      startAsap: false,
      contractTypes: ["apprentissage"],
      diplomaLevel: null,
      durationMonths: 24,
      positions: 1,
      publishedAt: "2026-03-02T09:00:00.000Z",
      expiresAt: "2026-04-01T09:00:00.000Z",
      company: { siret: r.establishment.siret, name: "Au Bon Pain d'Essai", city: "Lyon", opcoCertified: false },
      intermediary: null,
      url: `http://tremplin.test/offres/${body.id}`,
    });
    expect(body.description).toMatch(/^Le Boulanger/);
    expect(body.description).toContain("Vos missions, en alternance :\n- ");
    expect(body.access.length).toBeGreaterThan(20);
    expect(body.skills.length).toBeGreaterThan(3);
    expect(body.skills.every((s: { kind: string }) => ["savoirFaire", "savoirEtre", "savoirs"].includes(s.kind))).toBe(
      true,
    );

    const publicView = await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` });
    expect(publicView.statusCode).toBe(200);
    // No recruiter contact ever reaches a browser or a partner through the public API.
    expect(publicView.body).not.toContain(r.user.email);
    expect(publicView.body).not.toContain("0612345678");

    await t.flushMail();
    const [mail] = await t.smtp.waitFor(r.user.email);
    expect(mail?.subject).toBe("Votre offre « Boulanger / Boulangère » est en ligne");
    expect(mail?.links).toContain(`http://tremplin.test/offres/${body.id}`);
  });

  it("accepts « dès que possible », custom fields and chosen skills; shows the OPCO badge of a certified account", async () => {
    const r = await recruiterWithCompany(t, { status: "certified" });
    const fiche = (await t.app.inject({ method: "GET", url: "/api/v1/referential/romes/D1102" })).json();
    const chosen = fiche.skills.savoirFaire.slice(0, 2).map((s: { code: string }) => s.code);
    const { status, body } = await post(r.cookie, {
      appellationCode: BOULANGER,
      startAsap: true,
      contractTypes: ["apprentissage", "professionnalisation"],
      diplomaLevel: 3,
      durationMonths: 12,
      positions: 2,
      rhythm: "1 semaine en CFA, 3 semaines en entreprise",
      title: "Apprenti boulanger <b>motivé</b>",
      skills: { savoirFaire: chosen, savoirEtre: [], savoirs: [] },
      disabilityFriendly: true,
      companyDescription: "<p>Boulangerie de quartier depuis 1990.</p>",
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      startDate: null,
      startAsap: true,
      title: "Apprenti boulanger motivé",
      diplomaLevel: 3,
      durationMonths: 12,
      positions: 2,
      disabilityFriendly: true,
      company: { description: "Boulangerie de quartier depuis 1990.", opcoCertified: true },
    });
    expect(body.skills.map((s: { code: string }) => s.code)).toEqual(chosen);
  });

  it.each([
    [{ appellationCode: "99999999", startDate: "2026-09-01" }, 422, "APPELLATION_UNKNOWN"],
    [{ appellationCode: BOULANGER, startDate: "2026-09-01", skills: { savoirFaire: ["1"] } }, 422, "SKILL_NOT_IN_ROME"],
    [{ appellationCode: BOULANGER, startDate: "2026-03-01" }, 422, "START_DATE_OUT_OF_RANGE"],
    [{ appellationCode: BOULANGER, startDate: "2028-04-01" }, 422, "START_DATE_OUT_OF_RANGE"],
    [{ appellationCode: BOULANGER }, 400, "VALIDATION_ERROR"],
    [{ appellationCode: BOULANGER, startDate: "2026-09-01", startAsap: true }, 400, "VALIDATION_ERROR"],
    [{ appellationCode: BOULANGER, startDate: "01/09/2026" }, 400, "VALIDATION_ERROR"],
    [{ appellationCode: BOULANGER, startDate: "2026-09-01", durationMonths: 48 }, 400, "VALIDATION_ERROR"],
    [{ appellationCode: BOULANGER, startDate: "2026-09-01", title: "x".repeat(121) }, 400, "VALIDATION_ERROR"],
    [
      {
        appellationCode: BOULANGER,
        startDate: "2026-09-01",
        description: "Écrivez à patron@boulangerie.fr pour postuler, merci !",
      },
      422,
      "FREE_TEXT_CONTACT_FORBIDDEN",
    ],
    [
      { appellationCode: BOULANGER, startDate: "2026-09-01", companyDescription: "Voir www.boulangerie.com" },
      422,
      "FREE_TEXT_CONTACT_FORBIDDEN",
    ],
    [
      { appellationCode: BOULANGER, startDate: "2026-09-01", rhythm: "Appelez le 06 12 34 56 78" },
      422,
      "FREE_TEXT_CONTACT_FORBIDDEN",
    ],
  ])("refuses %o with %i %s and a French message", async (payload, status, code) => {
    const r = await recruiterWithCompany(t);
    const result = await post(r.cookie, payload);
    expect([result.status, result.body.error.code]).toEqual([status, code]);
    expect(result.body.error.message).toMatch(/[éèàç]|[a-z]{4}/);
    const count = await t.db.db
      .selectFrom("offers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("siret", "=", r.establishment.siret)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("keeps the offers of an unconfirmed account pending and hidden, and publishes them on confirmation", async () => {
    const r = await recruiterWithCompany(t, { status: "pending_confirmation" });
    const { body } = await post(r.cookie, { appellationCode: BOULANGER, startDate: "2026-09-01" });
    expect(body).toMatchObject({ status: "pending", publishedAt: null, expiresAt: null });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` })).statusCode).toBe(404);
    // The recruiter follows a sign-in link: the email is confirmed, the account activated, the offer published.
    await t.app.inject({ method: "POST", url: "/api/v1/auth/magic-link", payload: { email: r.user.email } });
    await t.flushMail();
    const link = (await t.smtp.waitFor(r.user.email))
      .find((m) => m.subject.includes("connexion"))
      ?.links.find((l) => l.includes("jeton=")) as string;
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/magic-link/verify",
      payload: { token: new URL(link).searchParams.get("jeton") },
    });
    const after = (await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` })).json();
    expect(after).toMatchObject({
      status: "active",
      publishedAt: "2026-03-02T09:00:00.000Z",
      expiresAt: "2026-04-01T09:00:00.000Z",
    });
  });

  it("hides the offers of a rejected account and brings them back when it is re-enabled", async () => {
    const r = await recruiterWithCompany(t);
    const { body } = await post(r.cookie, { appellationCode: BOULANGER, startDate: "2026-09-01" });
    const admin = await signedIn(t, "admin");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/opco/accounts/${r.account.id}/reject`,
      headers: { cookie: admin.cookie },
      payload: { reason: "Pas d'activité salariée" },
    });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` })).statusCode).toBe(404);
    await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/accounts/${r.account.id}/enable`,
      headers: { cookie: admin.cookie },
      payload: { reason: "Vérifié avec l'OPCO" },
    });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` })).json().status).toBe("active");
  });

  it("asks a recruiter with several companies which one, and refuses a company that is not theirs", async () => {
    const r = await recruiterWithCompany(t);
    await t.db.db
      .insertInto("accounts")
      .values({
        user_id: r.user.id,
        type: "company",
        siret: "35600000000048",
        company_name: "Autre",
        status: "active",
        opco_id: null,
        opco_source: null,
      })
      .execute();
    const ambiguous = await post(r.cookie, { appellationCode: BOULANGER, startDate: "2026-09-01" });
    expect(ambiguous.body.error.code).toBe("SIRET_REQUIRED");
    const other = await recruiterWithCompany(t);
    const foreign = await post(r.cookie, {
      appellationCode: BOULANGER,
      startDate: "2026-09-01",
      siret: other.establishment.siret,
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, "NOT_YOUR_COMPANY"]);
    const chosen = await post(r.cookie, {
      appellationCode: BOULANGER,
      startDate: "2026-09-01",
      siret: r.establishment.siret,
    });
    expect(chosen.status).toBe(201);
  });
});
