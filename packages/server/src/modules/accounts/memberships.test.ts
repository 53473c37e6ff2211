import { describe, expect, it } from "vitest";
import { insertEstablishment, signedIn } from "../../../test/fixtures.js";
import type { TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf } from "../applications/test-support.js";
import { call, signUpAndConfirm, verificationOf, withMembershipTestApp } from "./membership-test-support.js";
import { importOpcoContacts } from "./opco-contacts-import.js";

let t: TestApp;
let admin: { cookie: string };
withMembershipTestApp((app, signedInAdmin) => {
  t = app;
  admin = signedInAdmin;
});

/** A company with its administrator, verified by an admin's certification. */
async function companyWithAdministrator(email: string) {
  const company = await insertEstablishment(t, { idcc: 843 });
  const owner = await signUpAndConfirm(t, { siret: company.siret, email, firstName: "Léa", lastName: "Martin" });
  expect((await call(t, "POST", `/api/v1/opco/accounts/${owner.id}/certify`, { cookie: admin.cookie })).status).toBe(
    200,
  );
  t.smtp.clear();
  return { company, owner };
}

const members = (siret: string, cookie: string) =>
  call(t, "GET", `/api/v1/me/organisations/${siret}/members`, { cookie });

describe("a second member joins a company", () => {
  it("becomes a pending membership; the administrator accepts it in one click from the email", async () => {
    const { company, owner } = await companyWithAdministrator("lea@gmail.com");
    const newcomer = await signUpAndConfirm(t, { siret: company.siret, email: "paul.durand@gmail.com" });
    expect(await verificationOf(t, newcomer.id)).toMatchObject({ status: "active", verified_at: null });
    // The newcomer replaces no one: the owner still administers and receives applications.
    expect((await call(t, "GET", "/api/v1/me/spontaneous-applications", { cookie: newcomer.cookie })).status).toBe(403);
    expect((await members(company.siret, newcomer.cookie)).body.error.code).toBe("ORGANISATION_NOT_VERIFIED");

    await t.flushMail();
    await t.smtp.waitFor(owner.email);
    const mail = t.smtp.to(owner.email).find((m) => m.subject.includes("demande à rejoindre"));
    const accept = mail?.links.find((l) => l.includes("decision=accepter")) as string;
    const token = new URL(accept).searchParams.get("jeton") as string;
    // Reading changes nothing (mail scanners follow links).
    const read = await call(t, "POST", "/api/v1/membership-links/read", { payload: { token } });
    expect(read.body).toMatchObject({ state: "pending", applicant: { email: "paul.durand@gmail.com" } });
    expect((await verificationOf(t, newcomer.id)).verified_at).toBeNull();

    const decided = await call(t, "POST", "/api/v1/membership-links/decide", {
      payload: { token, decision: "accept" },
    });
    expect(decided.body.state).toBe("accepted");
    expect(await verificationOf(t, newcomer.id)).toMatchObject({ verification_method: "member" });
    const again = await call(t, "POST", "/api/v1/membership-links/decide", { payload: { token, decision: "refuse" } });
    expect(again.body.error.code).toBe("MEMBERSHIP_ALREADY_DECIDED");

    await t.flushMail();
    expect((await t.smtp.waitFor("paul.durand@gmail.com")).some((m) => m.subject.includes("membre vérifié"))).toBe(
      true,
    );
    // Members share the establishment's applications; the first verified member administers.
    await apply(t, { siret: company.siret, ...candidate() }, [cvPdf()]);
    const shared = await call(t, "GET", "/api/v1/me/spontaneous-applications", { cookie: newcomer.cookie });
    expect(shared.body.items).toHaveLength(1);
    const list = await members(company.siret, newcomer.cookie);
    expect(list.body.myRole).toBe("member");
    expect(list.body.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, "administrator"],
      ["paul.durand@gmail.com", "member"],
    ]);
  });

  it("a member refuses from the space; the refused account's offers go offline; a forged token does nothing", async () => {
    const { company, owner } = await companyWithAdministrator("chef@gmail.com");
    const intruder = await signUpAndConfirm(t, { siret: company.siret, email: "intrus2@gmail.com" });
    const forged = await call(t, "POST", "/api/v1/membership-links/decide", {
      payload: { token: "x".repeat(40), decision: "accept" },
    });
    expect(forged.body.error.code).toBe("MEMBERSHIP_LINK_INVALID");
    const notMember = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${owner.id}/refuse`, {
      cookie: intruder.cookie,
    });
    expect(notMember.status).toBe(404);
    const refused = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${intruder.id}/refuse`, {
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(200);
    expect(refused.body.members.find((m: { accountId: string }) => m.accountId === intruder.id).role).toBe("inactive");
    expect((await verificationOf(t, intruder.id)).status).toBe("rejected");
  });

  it("the administrator removes a member; the last administrator cannot leave", async () => {
    const { company, owner } = await companyWithAdministrator("patron@boulangerie-remove.fr");
    const colleague = await signUpAndConfirm(t, { siret: company.siret, email: "apprentie@boulangerie-remove.fr" });
    expect(await verificationOf(t, colleague.id)).toMatchObject({ verification_method: "verified_domain" });
    const byMember = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${owner.id}/remove`, {
      cookie: colleague.cookie,
    });
    expect(byMember.status).toBe(403);
    const removed = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${colleague.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(200);
    expect((await verificationOf(t, colleague.id)).status).toBe("disabled");
    const last = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${owner.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(last.body.error.code).toBe("MEMBERSHIP_LAST_ADMINISTRATOR");
  });
});

describe("back office", () => {
  it("OPCO advisers see pending memberships of their perimeter and decide; admins see all and the audit trail", async () => {
    const { company } = await companyWithAdministrator("gerante@gmail.com");
    const joiner = await signUpAndConfirm(t, { siret: company.siret, email: "joiner@gmail.com" });
    const adviser = await signedIn(t, "opco", { opcoId: "opco-ep" });
    const other = await signedIn(t, "opco", { opcoId: "atlas" });
    const queue = await call(t, "GET", "/api/v1/opco/memberships", { cookie: adviser.cookie });
    const item = queue.body.items.find((i: { accountId: string }) => i.accountId === joiner.id);
    expect(item).toMatchObject({ kind: "join", verifiedMembers: 1, siret: company.siret });
    expect(
      (await call(t, "GET", "/api/v1/opco/memberships", { cookie: other.cookie })).body.items.some(
        (i: { accountId: string }) => i.accountId === joiner.id,
      ),
    ).toBe(false);
    const outside = await call(t, "POST", `/api/v1/opco/memberships/${joiner.id}/accept`, { cookie: other.cookie });
    expect(outside.status).toBe(404);
    const accepted = await call(t, "POST", `/api/v1/opco/memberships/${joiner.id}/accept`, { cookie: adviser.cookie });
    expect(accepted.status).toBe(200);
    expect(await verificationOf(t, joiner.id)).toMatchObject({ verification_method: "opco_certification" });

    const all = await call(t, "GET", "/api/v1/admin/memberships", { cookie: admin.cookie });
    expect(all.status).toBe(200);
    const history = await call(t, "GET", `/api/v1/admin/organisations/${company.siret}/history`, {
      cookie: admin.cookie,
    });
    expect(history.body.events.map((e: { action: string }) => e.action)).toEqual([
      "sign_up",
      "confirm",
      "certify",
      "sign_up",
      "confirm",
      "join_request",
      "accept_member",
    ]);
    expect(history.body.events.find((e: { action: string }) => e.action === "certify").method).toBe("admin");
    expect(
      (await call(t, "GET", `/api/v1/admin/organisations/${company.siret}/history`, { cookie: adviser.cookie })).status,
    ).toBe(403);
  });

  it("« ce n'est pas nous » cancels an offer posted on behalf and queues the intermediary, flagged on a shared domain", async () => {
    const adviser = await signedIn(t, "chamber", { email: "conseil@menuiserie-fantome.fr" });
    const company = await insertEstablishment(t, { naf_code: "1623Z", brand: "Menuiserie Fantôme" });
    const posted = await call(t, "POST", "/api/v1/offers", {
      cookie: adviser.cookie,
      payload: {
        appellationCode: "11573",
        startDate: "2026-09-01",
        siret: company.siret,
        companyContact: {
          firstName: "Hugo",
          lastName: "Petit",
          email: "hugo@menuiserie-fantome.fr",
          phone: "0611223344",
        },
      },
    });
    expect(posted.status).toBe(201);
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("hugo@menuiserie-fantome.fr");
    expect(mail?.text).toContain("Ce n'est pas nous");
    const remove = mail?.links.filter((l) => l.includes("jeton=")).at(-1) as string;
    const clicked = await call(t, "POST", "/api/v1/offers/email-actions", {
      payload: { token: new URL(remove).searchParams.get("jeton") },
    });
    expect(clicked.body).toMatchObject({ action: "remove", applied: true, status: "cancelled" });
    const queue = await call(t, "GET", "/api/v1/admin/intermediary-reports", { cookie: admin.cookie });
    const report = queue.body.items.find((r: { offer: { id: string } }) => r.offer.id === posted.body.id);
    expect(report).toMatchObject({
      sameDomain: true,
      status: "open",
      intermediary: { email: "conseil@menuiserie-fantome.fr" },
    });
    const decided = await call(t, "POST", `/api/v1/admin/intermediary-reports/${report.id}/decide`, {
      cookie: admin.cookie,
      payload: { decision: "confirm", reason: "Entreprise inventée par l'intermédiaire" },
    });
    expect(decided.body.status).toBe("confirmed");
    // A second decision (another admin's tab) changes nothing and says so with its own code.
    const again = await call(t, "POST", `/api/v1/admin/intermediary-reports/${report.id}/decide`, {
      cookie: admin.cookie,
      payload: { decision: "clear", reason: "Erreur de saisie" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INTERMEDIARY_REPORT_ALREADY_DECIDED");
    const row = await t.db.db
      .selectFrom("intermediary_reports")
      .select(["status", "decision_reason"])
      .where("id", "=", report.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "confirmed", decision_reason: "Entreprise inventée par l'intermédiaire" });
  });
});

describe("the OPCO contacts import", () => {
  it("reports each rejected line with its reason, keeps the others, is idempotent, and verifies at sign-up", async () => {
    const known = await insertEstablishment(t);
    const file = [
      "SIRET;email",
      `${known.siret};Recrutement@Garage-Connu.fr`,
      "12345678901234;x@y.fr",
      `${known.siret};pas-une-adresse`,
      "35600000000048;inconnu@nulle-part.fr",
      `${known.siret};recrutement@garage-connu.fr`,
    ].join("\n");
    const first = await importOpcoContacts(t.db.db, file, "adherents.csv", t.clock.now());
    expect(first).toMatchObject({ lines: 5, imported: 1 });
    expect(first.rejected.map((r) => [r.line, r.reason.split(" :")[0]])).toEqual([
      [3, "SIRET invalide"],
      [4, "adresse e-mail invalide"],
      [5, "établissement inconnu du répertoire"],
    ]);
    const second = await importOpcoContacts(t.db.db, file, "adherents.csv", t.clock.now());
    expect(second).toMatchObject({ imported: 0, alreadyKnown: 1 });
    const person = await signUpAndConfirm(t, { siret: known.siret, email: "recrutement@garage-connu.fr" });
    expect(await verificationOf(t, person.id)).toMatchObject({ verification_method: "opco_contact" });
  });
});
