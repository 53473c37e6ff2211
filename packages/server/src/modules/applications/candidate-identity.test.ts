import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment, recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { ensureCandidate } from "../accounts/candidate-service.js";
import { apply, candidate, cvPdf, recruiterWithOffer, tokenOf } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const requestLink = (email: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/magic-link", payload: { email } });

/** Asks for a link, follows it, and returns the session cookie and where the app sends the person. */
async function signIn(email: string) {
  expect((await requestLink(email)).statusCode).toBe(204);
  await t.flushMail();
  const mail = t.smtp.to(email).find((m) => m.subject.toLowerCase().includes("connexion"));
  const link = mail?.links.find((l) => l.includes("/connexion/lien?jeton="));
  if (!link) throw new Error(`no sign-in link for ${email}`);
  const verified = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/magic-link/verify",
    payload: { token: tokenOf(link) },
  });
  expect(verified.statusCode).toBe(200);
  const cookie = String(verified.headers["set-cookie"]).split(";")[0] as string;
  return { cookie, redirectTo: verified.json().redirectTo as string };
}

describe("candidate identity", () => {
  it("someone who applied signs in with the magic link and is a candidate", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const who = candidate();
    expect((await apply(t, { offerId, ...who }, [cvPdf()])).status).toBe(201);

    const session = await signIn(who.email as string);
    expect(session.redirectTo).toBe("/mes-candidatures");
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: who.email,
      role: "candidate",
      firstName: "Inès",
      lastName: "Moreau",
      organisations: [],
    });
  });

  it("an unknown address gets the same 204 and no email (no enumeration)", async () => {
    const response = await requestLink("personne.inconnue@exemple.fr");
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    await t.flushMail();
    expect(t.smtp.to("personne.inconnue@exemple.fr")).toHaveLength(0);
  });

  it("a recruiter who applies keeps their role; a second application reuses the candidate", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const recruiter = await recruiterWithCompany(t);
    const asRecruiter = candidate({ email: recruiter.user.email });
    expect((await apply(t, { offerId, ...asRecruiter }, [cvPdf()])).status).toBe(201);
    const user = await t.db.db
      .selectFrom("users")
      .select(["role"])
      .where("email", "=", recruiter.user.email)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("recruiter");

    const who = candidate();
    await apply(t, { offerId, ...who }, [cvPdf()]);
    await apply(t, { offerId, ...who }, [cvPdf()]);
    const rows = await t.db.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", who.email as string)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("ensureCandidate (used by alerts) creates a nameless candidate once and fills the name later", async () => {
    const email = "Alerte.Seule@Exemple.fr";
    const first = await ensureCandidate(t.db.db, email);
    const again = await ensureCandidate(t.db.db, "alerte.seule@exemple.fr", { firstName: "Noé", lastName: "Petit" });
    expect(again).toEqual({ userId: first.userId, isCandidate: true });
    const row = await t.db.db.selectFrom("users").selectAll().where("id", "=", first.userId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: "alerte.seule@exemple.fr", role: "candidate", first_name: "Noé" });
  });

  it("a candidate who signs up as a company becomes a recruiter", async () => {
    const who = candidate();
    const { offerId } = await recruiterWithOffer(t);
    await apply(t, { offerId, ...who }, [cvPdf()]);
    const place = await insertEstablishment(t, { idcc: 843 });
    const signUp = await t.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      payload: {
        type: "company",
        siret: place.siret,
        firstName: "Inès",
        lastName: "Moreau",
        email: who.email,
        phone: "0612345678",
      },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const user = await t.db.db
      .selectFrom("users")
      .select("role")
      .where("email", "=", who.email as string)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("recruiter");
  });
});
