import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const person = { firstName: "Léa", lastName: "Martin", phone: "06 12 34 56 78" };

async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  const response = await t.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers,
    remoteAddress: `10.2.0.${++ip % 250}`,
  });
  return { status: response.statusCode, body: response.body ? response.json() : null, response };
}

/** Follows the link of the last email to `email` the way the web page does: POST the token. */
async function followLink(email: string) {
  await t.flushMail();
  const mails = await t.smtp.waitFor(email);
  const link = mails.at(-1)?.links.find((l) => l.includes("/connexion/lien?jeton="));
  expect(link).toBeDefined();
  expect(link?.startsWith("http://tremplin.test/connexion/lien?jeton=")).toBe(true);
  const token = new URL(link as string).searchParams.get("jeton") as string;
  return post("/api/v1/auth/magic-link/verify", { token });
}

describe("sign-up → confirmation email → signed in", () => {
  it("creates a pending account with the OPCO from the IDCC, emails a link, and the link signs in and activates", async () => {
    const company = await insertEstablishment(t, { idcc: 843 }); // boulangerie → OPCO EP
    const email = "lea.martin@boulangerie.fr";
    const created = await post("/api/v1/accounts", { type: "company", siret: company.siret, email, ...person });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: "pending_confirmation" });

    const account = await t.db.db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", created.body.id)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ opco_id: "opco-ep", opco_source: "idcc", company_name: "Au Bon Pain d'Essai" });

    await t.flushMail();
    const [mail] = await t.smtp.waitFor(email);
    expect(mail?.subject).toBe("Confirmez votre adresse pour activer votre compte Tremplin");
    expect(mail?.text).toContain("Au Bon Pain d'Essai");

    const verified = await followLink(email);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ redirectTo: "/espace" });
    const setCookie = String(verified.response.headers["set-cookie"]);
    expect(setCookie).toMatch(/^tremplin_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // PUBLIC_URL is http in tests

    const cookie = setCookie.split(";")[0] as string;
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email,
      role: "recruiter",
      organisations: [{ siret: company.siret, status: "active", opco: { id: "opco-ep", name: "OPCO EP" } }],
    });

    const history = await t.db.db
      .selectFrom("account_events")
      .select(["action", "to_status"])
      .where("account_id", "=", created.body.id)
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { action: "sign_up", to_status: "pending_confirmation" },
      { action: "confirm", to_status: "active" },
    ]);
  });

  it("refuses a second account for the same email and SIRET, but lets one email hold several companies", async () => {
    const first = await insertEstablishment(t);
    const second = await insertEstablishment(t, { brand: "Deuxième Fournil" });
    const email = "multi@example.fr";
    expect((await post("/api/v1/accounts", { type: "company", siret: first.siret, email, ...person })).status).toBe(
      201,
    );
    const again = await post("/api/v1/accounts", { type: "company", siret: first.siret, email, ...person });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ACCOUNT_ALREADY_EXISTS");
    expect(
      (await post("/api/v1/accounts", { type: "company", siret: second.siret, email: "MULTI@example.fr", ...person }))
        .status,
    ).toBe(201);
    const users = await t.db.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
  });

  it("puts an account without known OPCO in the admin queue, or with the OPCO the person picked", async () => {
    const unknown = await insertEstablishment(t);
    const declared = await insertEstablishment(t);
    const a = await post("/api/v1/accounts", {
      type: "company",
      siret: unknown.siret,
      email: "queue@example.fr",
      opco: "unknown",
      ...person,
    });
    const b = await post("/api/v1/accounts", {
      type: "company",
      siret: declared.siret,
      email: "declared@example.fr",
      opco: "akto",
      ...person,
    });
    const rows = await t.db.db
      .selectFrom("accounts")
      .select(["id", "opco_id", "opco_source"])
      .where("id", "in", [a.body.id, b.body.id])
      .execute();
    expect(rows.find((r) => r.id === a.body.id)).toMatchObject({ opco_id: null, opco_source: null });
    expect(rows.find((r) => r.id === b.body.id)).toMatchObject({ opco_id: "akto", opco_source: "declared" });
    const bad = await post("/api/v1/accounts", {
      type: "company",
      siret: declared.siret,
      email: "bad@example.fr",
      opco: "opco-inconnu",
      ...person,
    });
    expect(bad.body.error.code).toBe("OPCO_UNKNOWN");
  });

  it("accepts a non-diffusible establishment with a declared name, and asks for it otherwise", async () => {
    const hidden = await insertEstablishment(t, { diffusion: "N", name: null, brand: null });
    const missing = await post("/api/v1/accounts", {
      type: "company",
      siret: hidden.siret,
      email: "nd@example.fr",
      ...person,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("COMPANY_NAME_REQUIRED");
    const ok = await post("/api/v1/accounts", {
      type: "company",
      siret: hidden.siret,
      email: "nd@example.fr",
      companyName: "Menuiserie Léa",
      ...person,
    });
    expect(ok.status).toBe(201);
  });

  it.each([
    [{ siret: "12345678901234" }, 400, "VALIDATION_ERROR"],
    [{ email: "pas-une-adresse" }, 400, "VALIDATION_ERROR"],
    [{ phone: "12" }, 400, "VALIDATION_ERROR"],
    [{ firstName: "<script>" }, 400, "VALIDATION_ERROR"],
    [{ type: "particulier" }, 400, "VALIDATION_ERROR"],
  ])("refuses %o with %i %s and a French message", async (override, status, code) => {
    const company = await insertEstablishment(t);
    const result = await post("/api/v1/accounts", {
      type: "company",
      siret: company.siret,
      email: "x@example.fr",
      ...person,
      ...override,
    });
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.details[0].message).toMatch(/[a-zé]/);
  });

  it("refuses unknown and closed SIRETs, training organisations as companies and companies as CFAs", async () => {
    const closed = await insertEstablishment(t, { admin_state: "F" });
    const cfa = await insertEstablishment(t, { naf_code: "8559A", brand: "CFA des Essais" });
    const company = await insertEstablishment(t);
    const cases: Array<[object, number, string]> = [
      [{ type: "company", siret: closed.siret }, 422, "SIRET_CLOSED"],
      [{ type: "company", siret: cfa.siret }, 422, "SIRET_IS_TRAINING_ORGANISATION"],
      [{ type: "cfa", siret: company.siret }, 422, "SIRET_NOT_TRAINING_ORGANISATION"],
    ];
    for (const [body, status, code] of cases) {
      const result = await post("/api/v1/accounts", { email: "refused@example.fr", ...person, ...body });
      expect([result.status, result.body.error.code]).toEqual([status, code]);
    }
    const unknown = await post("/api/v1/accounts", {
      type: "company",
      siret: "73282932000074",
      email: "u@example.fr",
      ...person,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "SIRET_UNKNOWN"]);
    const asCfa = await post("/api/v1/accounts", { type: "cfa", siret: cfa.siret, email: "cfa@example.fr", ...person });
    expect(asCfa.status).toBe(201);
  });
});

describe("magic-link sign-in", () => {
  it("answers 204 whatever the email, and only mails existing users", async () => {
    const unknown = await post("/api/v1/auth/magic-link", { email: "personne@example.fr" });
    expect(unknown.status).toBe(204);
    const company = await insertEstablishment(t);
    await post("/api/v1/accounts", { type: "company", siret: company.siret, email: "known@example.fr", ...person });
    await followLink("known@example.fr");
    t.smtp.clear();
    const known = await post("/api/v1/auth/magic-link", { email: "Known@Example.fr" });
    expect(known.status).toBe(204);
    await t.flushMail();
    expect(t.smtp.to("personne@example.fr")).toHaveLength(0);
    const [mail] = await t.smtp.waitFor("known@example.fr");
    expect(mail?.subject).toBe("Votre lien de connexion à Tremplin");
  });

  it("links are single-use, expire after 15 minutes, and are stored hashed", async () => {
    const company = await insertEstablishment(t);
    const email = "once@example.fr";
    await post("/api/v1/accounts", { type: "company", siret: company.siret, email, ...person });
    await t.flushMail();
    const link = (await t.smtp.waitFor(email))[0]?.links.find((l) => l.includes("jeton=")) as string;
    const token = new URL(link).searchParams.get("jeton") as string;
    const stored = await t.db.db.selectFrom("magic_links").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    expect((await post("/api/v1/auth/magic-link/verify", { token })).status).toBe(200);
    const replay = await post("/api/v1/auth/magic-link/verify", { token });
    expect([replay.status, replay.body.error.code]).toEqual([400, "MAGIC_LINK_INVALID"]);

    t.smtp.clear();
    await post("/api/v1/auth/magic-link", { email });
    await t.flushMail();
    const late = new URL(
      (await t.smtp.waitFor(email))[0]?.links.find((l) => l.includes("jeton=")) as string,
    ).searchParams.get("jeton") as string;
    t.clock.advanceMs(15 * 60_000 + 1000);
    expect((await post("/api/v1/auth/magic-link/verify", { token: late })).body.error.code).toBe("MAGIC_LINK_INVALID");
  });

  it("sends at most 3 links per email per 15 minutes", async () => {
    const company = await insertEstablishment(t);
    const email = "spam@example.fr";
    await post("/api/v1/accounts", { type: "company", siret: company.siret, email, ...person }); // 1 link
    for (let i = 0; i < 4; i++) expect((await post("/api/v1/auth/magic-link", { email })).status).toBe(204);
    await t.flushMail();
    expect(t.smtp.to(email)).toHaveLength(3);
  });

  it("rate-limits sign-in requests per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/magic-link",
        payload: { email: `rl${i}@example.fr` },
        remoteAddress: "10.9.9.9",
      });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.json().error.code).toBe("RATE_LIMITED");
        expect(r.headers["retry-after"]).toBeDefined();
      }
    }
    expect(statuses.slice(0, 5)).toEqual([204, 204, 204, 204, 204]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("logs out: the session is revoked server-side", async () => {
    const company = await insertEstablishment(t);
    const email = "bye@example.fr";
    await post("/api/v1/accounts", { type: "company", siret: company.siret, email, ...person });
    const verified = await followLink(email);
    const cookie = String(verified.response.headers["set-cookie"]).split(";")[0] as string;
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(200);
    expect((await post("/api/v1/auth/logout", {}, { cookie })).status).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect([after.statusCode, after.json().error.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("refuses a state-changing request with the session cookie from another site", async () => {
    const company = await insertEstablishment(t);
    const email = "csrf@example.fr";
    await post("/api/v1/accounts", { type: "company", siret: company.siret, email, ...person });
    const cookie = String((await followLink(email)).response.headers["set-cookie"]).split(";")[0] as string;
    const forged = await post("/api/v1/auth/logout", {}, { cookie, origin: "https://evil.example" });
    expect([forged.status, forged.body.error.code]).toEqual([403, "CSRF_REJECTED"]);
    const same = await post("/api/v1/auth/logout", {}, { cookie, origin: "http://tremplin.test" });
    expect(same.status).toBe(204);
  });
});
