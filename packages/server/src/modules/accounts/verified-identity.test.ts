import { describe, expect, it } from "vitest";
import { insertEstablishment } from "../../../test/fixtures.js";
import type { TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf } from "../applications/test-support.js";
import { loadFixtureCatalogue } from "../cfa-matching/test-support.js";
import { call, signUpAndConfirm, verificationOf, withMembershipTestApp } from "./membership-test-support.js";

let t: TestApp;
let admin: { cookie: string };
withMembershipTestApp((app, signedInAdmin) => {
  t = app;
  admin = signedInAdmin;
});

/** A company whose first recruiter was certified by an admin (the seed's trust chain). */
async function companyWithCertifiedRecruiter(domain = "boulangerie-lumiere.fr") {
  const company = await insertEstablishment(t);
  const owner = await signUpAndConfirm(t, { siret: company.siret, email: `lea.martin@${domain}` });
  const certified = await call(t, "POST", `/api/v1/opco/accounts/${owner.id}/certify`, { cookie: admin.cookie });
  expect(certified.status).toBe(200);
  return { company, owner };
}

describe("the three attacks of issue 11 now fail", () => {
  it("a newcomer on a company's SIRET receives no spontaneous application and reads none", async () => {
    const { company, owner } = await companyWithCertifiedRecruiter();
    expect(await verificationOf(t, owner.id)).toMatchObject({ verification_method: "admin" });
    const intruder = await signUpAndConfirm(t, { siret: company.siret, email: "intrus@gmail.com" });
    expect(await verificationOf(t, intruder.id)).toMatchObject({ status: "active", verified_at: null });

    t.smtp.clear();
    const sent = await apply(t, { siret: company.siret, ...candidate() }, [cvPdf()]);
    expect(sent.status).toBe(201);
    await t.flushMail();
    const received = await t.smtp.waitFor(owner.email);
    expect(received.some((m) => m.subject.startsWith("Candidature spontanée"))).toBe(true);
    expect(t.smtp.to("intrus@gmail.com").filter((m) => m.subject.startsWith("Candidature"))).toEqual([]);

    const read = await call(t, "GET", "/api/v1/me/spontaneous-applications", { cookie: intruder.cookie });
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe("ORGANISATION_NOT_VERIFIED");
    expect(read.body.error.message).toContain("OPCO");
    const mine = await call(t, "GET", "/api/v1/me/spontaneous-applications", { cookie: owner.cookie });
    expect(mine.body.items).toHaveLength(1);
  });

  it("with no verified member, a spontaneous application is refused with a clear message, never sent to the claimant", async () => {
    const company = await insertEstablishment(t);
    const claimant = await signUpAndConfirm(t, { siret: company.siret, email: "premier@gmail.com" });
    expect((await verificationOf(t, claimant.id)).verified_at).toBeNull();
    const r = await apply(t, { siret: company.siret, ...candidate() }, [cvPdf()]);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("APPLICATION_COMPANY_NOT_TARGETABLE");
    expect(r.body.error.message).toContain("pas encore de recruteur vérifié");
  });

  it("with no verified member, the algorithm's known contact receives the spontaneous application", async () => {
    const company = await insertEstablishment(t);
    await t.db.db
      .insertInto("algo_company_overrides")
      .values({
        siret: company.siret,
        contact_email: "rh@fournil-connu.fr",
        updated_at: t.clock.now(),
        updated_by: "test",
      })
      .execute();
    await signUpAndConfirm(t, { siret: company.siret, email: "autre@gmail.com" });
    const r = await apply(t, { siret: company.siret, ...candidate() }, [cvPdf()]);
    expect(r.status).toBe(201);
    await t.flushMail();
    expect(await t.smtp.waitFor("rh@fournil-connu.fr")).toHaveLength(1);
    expect(t.smtp.to("autre@gmail.com").filter((m) => m.subject.startsWith("Candidature"))).toEqual([]);
  });

  it("a newcomer's delisting request goes to the admin queue and the company stays listed", async () => {
    const { company } = await companyWithCertifiedRecruiter("fournil-sud.fr");
    await signUpAndConfirm(t, { siret: company.siret, email: "concurrent@gmail.com" });
    t.smtp.clear();
    const asked = await call(t, "POST", `/api/v1/companies/${company.siret}/delisting-requests`, {
      payload: { email: "concurrent@gmail.com", reason: "Nous ne prenons pas d'alternants" },
    });
    expect(asked.status).toBe(202);
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("concurrent@gmail.com");
    expect(mail?.links.some((l) => l.includes("/entreprises/dereferencement/confirmation"))).toBe(false);
    const queue = await call(t, "GET", "/api/v1/admin/algo/delisting-requests", { cookie: admin.cookie });
    expect(queue.body.items.some((i: { siret: string }) => i.siret === company.siret)).toBe(true);
    expect(
      await t.db.db.selectFrom("algo_delistings").select("siret").where("siret", "=", company.siret).execute(),
    ).toEqual([]);
  });

  it("a verified member's delisting request gets the confirmation link", async () => {
    const { company, owner } = await companyWithCertifiedRecruiter("fournil-nord.fr");
    t.smtp.clear();
    await call(t, "POST", `/api/v1/companies/${company.siret}/delisting-requests`, {
      payload: { email: owner.email, reason: "Nous ne prenons pas d'alternants" },
    });
    await t.flushMail();
    await t.smtp.waitFor(owner.email);
    const links = t.smtp.to(owner.email).flatMap((m) => m.links);
    expect(links.some((l) => l.includes("/entreprises/dereferencement/confirmation"))).toBe(true);
  });

  it("an account on a CFA's SIRET from an unknown address reads no inbox, answers nothing, opts nothing out", async () => {
    const sirets = await loadFixtureCatalogue(t.db.db, [
      { name: "CFA des Métiers", km: 3, romes: ["D1102"], email: "accueil@cfa-metiers.test" },
    ]);
    const siret = sirets["CFA des Métiers"] as string;
    await insertEstablishment(t, { siret, naf_code: "8532Z", name: "CFA DES METIERS" });
    const intruder = await signUpAndConfirm(t, { siret, email: "faux.cfa@gmail.com", type: "cfa" });
    expect((await verificationOf(t, intruder.id)).verified_at).toBeNull();

    const inbox = await call(t, "GET", "/api/v1/cfa/requests", { cookie: intruder.cookie });
    expect(inbox.status).toBe(403);
    expect(inbox.body.error.code).toBe("ORGANISATION_NOT_VERIFIED");
    const optOut = await call(t, "PUT", `/api/v1/cfa/organisations/${siret}/preferences`, {
      cookie: intruder.cookie,
      payload: { acceptsRequests: false },
    });
    expect(optOut.status).toBe(403);
    expect(optOut.body.error.code).toBe("ORGANISATION_NOT_VERIFIED");
    const org = await t.db.db
      .selectFrom("training_organisations")
      .select("requests_opted_out_at")
      .where("siret", "=", siret)
      .executeTakeFirstOrThrow();
    expect(org.requests_opted_out_at).toBeNull();
    const onBehalf = await call(t, "POST", "/api/v1/offers", {
      cookie: intruder.cookie,
      payload: {
        appellationCode: "11573",
        startAsap: true,
        siret: (await insertEstablishment(t)).siret,
        companyContact: { firstName: "Léa", lastName: "Martin", email: "lea@boulangerie.fr", phone: "0612345678" },
      },
    });
    expect(onBehalf.status).toBe(403);
    expect(onBehalf.body.error.code).toBe("ORGANISATION_NOT_VERIFIED");

    // The CFA's own address (from the catalogue) is verified at once and has the space.
    const honest = await signUpAndConfirm(t, { siret, email: "Accueil@cfa-metiers.test", type: "cfa" });
    expect(await verificationOf(t, honest.id)).toMatchObject({ verification_method: "catalogue_contact" });
    const own = await call(t, "GET", "/api/v1/cfa/requests", { cookie: honest.cookie });
    expect(own.status).toBe(200);
    expect(own.body.organisations.map((o: { siret: string }) => o.siret)).toEqual([siret]);
  });
});

describe("verified at once by a known contact", () => {
  it("by a domain already verified for the same SIREN, never by a public mailbox domain", async () => {
    const { company } = await companyWithCertifiedRecruiter("minoterie-dupont.fr");
    const colleague = await signUpAndConfirm(t, { siret: company.siret, email: "paul@minoterie-dupont.fr" });
    expect(await verificationOf(t, colleague.id)).toMatchObject({ verification_method: "verified_domain" });

    const gmailCompany = await companyWithCertifiedRecruiter("gmail.com");
    const stranger = await signUpAndConfirm(t, { siret: gmailCompany.company.siret, email: "x.y@gmail.com" });
    expect((await verificationOf(t, stranger.id)).verified_at).toBeNull();
  });

  it("by the contact the algorithm's back office keeps", async () => {
    const company = await insertEstablishment(t);
    await t.db.db
      .insertInto("algo_company_overrides")
      .values({
        siret: company.siret,
        contact_email: "direction@patisserie.fr",
        updated_at: t.clock.now(),
        updated_by: "t",
      })
      .execute();
    const known = await signUpAndConfirm(t, { siret: company.siret, email: "direction@patisserie.fr" });
    expect(await verificationOf(t, known.id)).toMatchObject({ verification_method: "algo_contact" });
    const inbox = await call(t, "GET", "/api/v1/me/spontaneous-applications", { cookie: known.cookie });
    expect(inbox.status).toBe(200);
  });
});
