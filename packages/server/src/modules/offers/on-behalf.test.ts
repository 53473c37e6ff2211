import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const contact = { firstName: "Hugo", lastName: "Petit", email: "hugo@menuiserie.fr", phone: "0611223344" };

/** A signed-in CFA user with an active, verified CFA account. */
async function cfaUser() {
  const session = await signedIn(t, "cfa");
  const cfa = await insertEstablishment(t, { naf_code: "8559A", brand: "CFA des Métiers d'Essai" });
  await t.db.db
    .insertInto("accounts")
    .values({
      user_id: session.user.id,
      type: "cfa",
      siret: cfa.siret,
      company_name: "CFA des Métiers d'Essai",
      status: "active",
      opco_id: null,
      opco_source: null,
      // Posting in a CFA's name needs a verified member (ADR 009).
      verified_at: t.clock.now(),
      verification_method: "catalogue_contact",
      verified_by: "test",
    })
    .execute();
  return session;
}

async function postFor(cookie: string, payload: object) {
  const r = await t.app.inject({ method: "POST", url: "/api/v1/offers", headers: { cookie }, payload });
  return { status: r.statusCode, body: r.json() };
}

async function linkAction(link: string) {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers/email-actions",
    payload: { token: new URL(link).searchParams.get("jeton") },
  });
  return r.json();
}

describe("posting on behalf of a company", () => {
  it("a CFA posts for a company: the company is the workplace, the CFA the intermediary, the contact is told", async () => {
    const cfa = await cfaUser();
    const company = await insertEstablishment(t, {
      naf_code: "1623Z",
      brand: "Menuiserie Petit",
      city: "Villeurbanne",
      postal_code: "69100",
      insee_code: "69266",
    });
    const missing = await postFor(cfa.cookie, { appellationCode: "11573", startDate: "2026-09-01" });
    expect(missing.body.error.code).toBe("SIRET_REQUIRED");
    const noContact = await postFor(cfa.cookie, {
      appellationCode: "11573",
      startDate: "2026-09-01",
      siret: company.siret,
    });
    expect(noContact.body.error.code).toBe("COMPANY_CONTACT_REQUIRED");
    const ownCfa = await postFor(cfa.cookie, {
      appellationCode: "11573",
      startDate: "2026-09-01",
      siret: (await insertEstablishment(t, { naf_code: "8559B" })).siret,
      companyContact: contact,
    });
    expect(ownCfa.body.error.code).toBe("SIRET_IS_TRAINING_ORGANISATION");

    const { status, body } = await postFor(cfa.cookie, {
      appellationCode: "11573",
      startDate: "2026-09-01",
      siret: company.siret,
      companyContact: contact,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "active",
      company: { siret: company.siret, name: "Menuiserie Petit", city: "Villeurbanne" },
      intermediary: { kind: "cfa", name: "CFA des Métiers d'Essai" },
    });
    expect(JSON.stringify(body)).not.toContain(contact.email);

    await t.flushMail();
    const [told] = await t.smtp.waitFor(contact.email);
    expect(told?.subject).toBe("CFA des Métiers d'Essai a publié une offre d'alternance pour Menuiserie Petit");
    const partners = await t.app.inject({
      method: "GET",
      url: "/api/v1/me/partner-companies",
      headers: { cookie: cfa.cookie },
    });
    expect(partners.json().items).toEqual([
      expect.objectContaining({
        siret: company.siret,
        name: "Menuiserie Petit",
        activeOffers: 1,
        totalOffers: 1,
        contact: { firstName: "Hugo", lastName: "Petit", email: contact.email, phone: contact.phone },
      }),
    ]);
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/me/offers", headers: { cookie: cfa.cookie } });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toContain(body.id);
  });

  it("the company contact takes the offer over in one click, with a recruiter account of their own", async () => {
    const cfa = await cfaUser();
    const company = await insertEstablishment(t, { brand: "Garage Démo" });
    const c2 = { ...contact, email: "garage@example.fr" };
    const { body } = await postFor(cfa.cookie, {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: c2,
    });
    await t.flushMail();
    const mail = (await t.smtp.waitFor(c2.email))[0];
    const takeover = mail?.links.find(
      (l) => l.includes("jeton=") && mail.text.indexOf(l) > mail.text.indexOf("Reprendre"),
    ) as string;
    const result = await linkAction(takeover);
    expect(result).toMatchObject({
      action: "takeover",
      applied: true,
      signInRedirect: `/connexion?email=${encodeURIComponent(c2.email)}`,
    });
    expect((await linkAction(takeover)).applied).toBe(false);
    const owner = await t.db.db
      .selectFrom("offers as o")
      .innerJoin("users as u", "u.id", "o.owner_user_id")
      .innerJoin("accounts as a", "a.id", "o.account_id")
      .select(["u.email", "u.role", "a.status", "a.siret"])
      .where("o.id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(owner).toEqual({ email: c2.email, role: "recruiter", status: "active", siret: company.siret });
  });

  it("the company contact asks for removal: the offer goes offline and the CFA is told", async () => {
    const cfa = await cfaUser();
    const company = await insertEstablishment(t, { brand: "Fleurs Démo" });
    const c3 = { ...contact, email: "fleurs@example.fr" };
    const { body } = await postFor(cfa.cookie, {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: c3,
    });
    await t.flushMail();
    const mail = (await t.smtp.waitFor(c3.email))[0];
    const remove = mail?.links.filter((l) => l.includes("jeton=")).at(-1) as string;
    expect(await linkAction(remove)).toMatchObject({ action: "remove", applied: true, status: "cancelled" });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${body.id}` })).statusCode).toBe(410);
    await t.flushMail();
    const [notice] = await t.smtp.waitFor(cfa.user.email, 2);
    expect(t.smtp.to(cfa.user.email).map((m) => m.subject)).toContain(
      "Fleurs Démo a demandé le retrait de l'offre « Boulanger / Boulangère »",
    );
    expect(notice).toBeDefined();
  });

  it("an OPCO adviser's offer for a company is published at once, with the OPCO as intermediary", async () => {
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const company = await insertEstablishment(t, { brand: "Coiffure Démo" });
    const { status, body } = await postFor(adviser.cookie, {
      appellationCode: "11573",
      startDate: "2026-10-01",
      siret: company.siret,
      companyContact: { ...contact, email: "coiffure@example.fr" },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "active", intermediary: { kind: "opco", name: "OPCO EP" } });
  });
});
