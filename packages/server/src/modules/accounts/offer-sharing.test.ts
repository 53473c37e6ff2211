import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertEstablishment, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf } from "../applications/test-support.js";
import { call, signUpAndConfirm, verificationOf } from "./membership-test-support.js";

/**
 * Issue 11, « members share the establishment's offers and applications »: verified members of a
 * SIRET manage each other's offers and read their applications; a pending member does not; a
 * verified member who leaves or is removed hands their offers to a colleague instead of taking
 * them offline.
 */
let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 100_000 } });
  admin = await signedIn(t, "admin");
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const BOULANGER = "11573";

/** A company whose administrator was certified, a colleague verified by the shared domain, and a pending sign-up. */
async function companyWithThreePeople(domain: string) {
  const company = await insertEstablishment(t, { idcc: 843 });
  const owner = await signUpAndConfirm(t, { siret: company.siret, email: `patronne@${domain}` });
  expect((await call(t, "POST", `/api/v1/opco/accounts/${owner.id}/certify`, { cookie: admin.cookie })).status).toBe(
    200,
  );
  const colleague = await signUpAndConfirm(t, { siret: company.siret, email: `second@${domain}` });
  expect(await verificationOf(t, colleague.id)).toMatchObject({ verification_method: "verified_domain" });
  const pending = await signUpAndConfirm(t, {
    siret: company.siret,
    email: `curieux.${domain.split(".")[0]}@gmail.com`,
  });
  expect((await verificationOf(t, pending.id)).verified_at).toBeNull();
  return { company, owner, colleague, pending };
}

async function postOffer(cookie: string) {
  const r = await call(t, "POST", "/api/v1/offers", {
    cookie,
    payload: { appellationCode: BOULANGER, startDate: "2026-09-01" },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const myOfferIds = async (cookie: string) =>
  ((await call(t, "GET", "/api/v1/me/offers", { cookie })).body.items as { id: string }[]).map((o) => o.id);

const offerStatus = async (id: string) =>
  (
    await t.db.db
      .selectFrom("offers")
      .select(["status", "owner_user_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).status;

describe("members share the establishment's offers", () => {
  it("a verified colleague lists, edits and reads the applications of an offer posted by another member; a pending one cannot", async () => {
    const { owner, colleague, pending } = await companyWithThreePeople("fournil-partage.fr");
    const offerId = await postOffer(owner.cookie);
    await apply(t, { offerId, ...candidate({ email: "ines.partage@example.org" }) }, [cvPdf()]);

    expect(await myOfferIds(colleague.cookie)).toContain(offerId);
    const edited = await call(t, "PATCH", `/api/v1/offers/${offerId}`, {
      cookie: colleague.cookie,
      payload: { positions: 2 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.positions).toBe(2);
    // « Publiée par … » names the colleague who posted it; the poster reads it as theirs.
    const ownerName = (
      await t.db.db
        .selectFrom("accounts as a")
        .innerJoin("users as u", "u.id", "a.user_id")
        .select(["u.first_name", "u.last_name"])
        .where("a.id", "=", owner.id)
        .executeTakeFirstOrThrow()
    ).first_name;
    expect(edited.body.postedBy).toEqual({ name: expect.stringContaining(ownerName), isMe: false });
    const listed = (await call(t, "GET", "/api/v1/me/offers", { cookie: owner.cookie })).body.items.find(
      (o: { id: string }) => o.id === offerId,
    );
    expect(listed.postedBy).toMatchObject({ isMe: true });
    const inbox = await call(t, "GET", "/api/v1/me/received-applications", { cookie: colleague.cookie });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((a: { candidate: { email: string } }) => a.candidate.email)).toContain(
      "ines.partage@example.org",
    );

    // Signed up on the same SIRET but not verified: neither the offer nor its applications.
    expect(await myOfferIds(pending.cookie)).not.toContain(offerId);
    expect((await call(t, "GET", `/api/v1/me/offers/${offerId}`, { cookie: pending.cookie })).status).toBe(404);
    const pendingInbox = await call(t, "GET", "/api/v1/me/received-applications", { cookie: pending.cookie });
    expect(JSON.stringify(pendingInbox.body)).not.toContain("ines.partage@example.org");
  });

  it("a colleague who duplicates an offer owns the copy: its applications and reminders reach them, not the poster", async () => {
    const { owner, colleague } = await companyWithThreePeople("fournil-copie.fr");
    const offerId = await postOffer(owner.cookie);
    const copy = await call(t, "POST", `/api/v1/offers/${offerId}/duplicate`, { cookie: colleague.cookie });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ status: "active", postedBy: { isMe: true } });
    const copyId = copy.body.id as string;
    const ownersView = (await call(t, "GET", "/api/v1/me/offers", { cookie: owner.cookie })).body.items;
    expect(ownersView.find((o: { id: string }) => o.id === copyId)?.postedBy).toMatchObject({ isMe: false });
    expect(ownersView.find((o: { id: string }) => o.id === offerId)?.postedBy).toMatchObject({ isMe: true });
    const row = await t.db.db
      .selectFrom("offers")
      .select(["owner_user_id", "account_id", "contact_email"])
      .where("id", "=", copyId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ account_id: colleague.id, contact_email: "second@fournil-copie.fr" });

    await apply(t, { offerId: copyId, ...candidate({ firstName: "Jade", email: "jade.copie@example.org" }) }, [
      cvPdf(),
    ]);
    await t.flushMail();
    const toColleague = t.smtp
      .to("second@fournil-copie.fr")
      .map((m) => m.text)
      .join("\n");
    expect(toColleague).toContain("Jade");
    expect(
      t.smtp
        .to("patronne@fournil-copie.fr")
        .map((m) => m.text)
        .join("\n"),
    ).not.toContain("Jade");
  });

  it("verified members also see an offer posted on their SIRET by a pending sign-up, and can close it", async () => {
    const { owner, pending } = await companyWithThreePeople("fournil-intrus.fr");
    const intruderOffer = await postOffer(pending.cookie);
    expect(await myOfferIds(owner.cookie)).toContain(intruderOffer);
    const closed = await call(t, "POST", `/api/v1/me/offers/${intruderOffer}/close`, {
      cookie: owner.cookie,
      payload: { reason: "no_longer_needed" },
    });
    expect(closed.status).toBe(200);
    expect(await offerStatus(intruderOffer)).toBe("cancelled");
  });

  it("a member of another company sees nothing of these offers", async () => {
    const { owner } = await companyWithThreePeople("fournil-a.fr");
    const other = await companyWithThreePeople("fournil-b.fr");
    const offerId = await postOffer(owner.cookie);
    expect(await myOfferIds(other.owner.cookie)).not.toContain(offerId);
    const edit = await call(t, "PATCH", `/api/v1/offers/${offerId}`, {
      cookie: other.owner.cookie,
      payload: { positions: 3 },
    });
    expect(edit.status).toBe(404);
  });
});

describe("a verified member leaves or is removed", () => {
  it("their live offers go to the administrator who removed them, with their applications", async () => {
    const { company, owner, colleague } = await companyWithThreePeople("fournil-depart.fr");
    const offerId = await postOffer(colleague.cookie);
    await apply(t, { offerId, ...candidate({ email: "hugo.depart@example.org" }) }, [cvPdf()]);
    const removed = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${colleague.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(200);

    expect(await offerStatus(offerId)).toBe("active");
    expect((await call(t, "GET", `/api/v1/offers/${offerId}`)).status).toBe(200);
    expect(await myOfferIds(owner.cookie)).toContain(offerId);
    const inbox = await call(t, "GET", "/api/v1/me/received-applications", { cookie: owner.cookie });
    expect(inbox.body.items.map((a: { candidate: { email: string } }) => a.candidate.email)).toContain(
      "hugo.depart@example.org",
    );
    // The removed person manages nothing any more.
    expect(await myOfferIds(colleague.cookie)).not.toContain(offerId);
  });

  it("the administrator who leaves hands their offers to the next verified member", async () => {
    const { company, owner, colleague } = await companyWithThreePeople("fournil-relais.fr");
    const offerId = await postOffer(owner.cookie);
    const left = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${owner.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(left.status).toBe(200);
    expect(await offerStatus(offerId)).toBe("active");
    const owners = await t.db.db.selectFrom("offers").select("account_id").where("id", "=", offerId).execute();
    expect(owners).toEqual([{ account_id: colleague.id }]);
    const list = await call(t, "GET", `/api/v1/me/organisations/${company.siret}/members`, {
      cookie: colleague.cookie,
    });
    expect(list.body.myRole).toBe("administrator");
  });

  it("a pending member refused by the administrator: their offers go offline, nobody inherits them", async () => {
    const { company, owner, pending } = await companyWithThreePeople("fournil-refus.fr");
    const offerId = await postOffer(pending.cookie);
    const refused = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${pending.id}/refuse`, {
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(200);
    expect(await offerStatus(offerId)).toBe("pending");
    expect((await call(t, "GET", `/api/v1/offers/${offerId}`)).status).toBe(404);
  });
});

describe("a verified member invites a colleague", () => {
  const invite = (siret: string, cookie: string, email: string) =>
    call(t, "POST", `/api/v1/me/organisations/${siret}/invitations`, { cookie, payload: { email } });

  it("the invited address is verified at once when it signs up on this SIRET, even on a public mailbox", async () => {
    const { company, owner } = await companyWithThreePeople("fournil-invite.fr");
    const sent = await invite(company.siret, owner.cookie, "  Apprentie.Invitee@GMAIL.com ");
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ outcome: "invited", email: "apprentie.invitee@gmail.com" });
    await t.flushMail();
    const mail = (await t.smtp.waitFor("apprentie.invitee@gmail.com")).find((m) => m.subject.includes("vous invite"));
    expect(mail?.links.some((l) => l.includes(`/inscription?siret=${company.siret}`))).toBe(true);

    const invited = await signUpAndConfirm(t, { siret: company.siret, email: "apprentie.invitee@gmail.com" });
    expect(await verificationOf(t, invited.id)).toMatchObject({ verification_method: "invitation" });
    // « Vérifié par » names the inviter as a vouching member, as an acceptance does.
    expect((await verificationOf(t, invited.id)).verified_by).toMatch(/ \(membre vérifié\)$/);
    // The same address on another SIRET gains nothing from this invitation.
    const elsewhere = await insertEstablishment(t, { idcc: 843 });
    t.smtp.clear();
    const other = await signUpAndConfirm(t, { siret: elsewhere.siret, email: "apprentie.invitee@gmail.com" });
    expect((await verificationOf(t, other.id)).verification_method).not.toBe("invitation");
  });

  it("hostile names: a line break is refused at sign-up; quotes, ampersands and an establishment's markup stay text in the invitation", async () => {
    const company = await insertEstablishment(t, {
      idcc: 843,
      name: 'FOURNIL <script>alert(1)</script> & "FILS"',
      brand: null,
    });
    // A name is one line: it goes into email subjects and headers (« Léa\r\nBcc: … » would add a header).
    const crlf = await t.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      remoteAddress: "10.91.0.1",
      payload: {
        type: "company",
        siret: company.siret,
        email: "lea@fournil-hostile.fr",
        firstName: "Léa\r\nBcc: pirate@evil.example",
        lastName: "Roux",
        phone: "0612345678",
        opco: "unknown",
      },
    });
    expect(crlf.statusCode).toBe(400);
    expect(crlf.json().error.details).toContainEqual({
      path: "firstName",
      message: expect.stringMatching(/une seule ligne/),
    });
    expect(
      await t.db.db.selectFrom("users").select("id").where("email", "=", "lea@fournil-hostile.fr").execute(),
    ).toEqual([]);

    const owner = await signUpAndConfirm(t, {
      siret: company.siret,
      email: "lea@fournil-hostile.fr",
      firstName: `Léa "L'Ami" & Cie`,
    });
    await call(t, "POST", `/api/v1/opco/accounts/${owner.id}/certify`, { cookie: admin.cookie });
    expect((await invite(company.siret, owner.cookie, "nora.hostile@gmail.com")).status).toBe(200);
    await t.flushMail();
    const mail = (await t.smtp.waitFor("nora.hostile@gmail.com")).find((m) => m.subject.includes("vous invite"));
    expect(mail).toBeDefined();
    expect(t.smtp.to("pirate@evil.example")).toHaveLength(0);
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain("&lt;script&gt;");
    expect(mail?.html).toContain("Léa &quot;L&#39;Ami&quot; &amp; Cie");
    expect(mail?.text).toContain(`Léa "L'Ami" & Cie`);
    expect(mail?.subject).not.toMatch(/[\r\n]/);
  });

  it("a pending request from the invited address is accepted; members already verified, pending inviters and outsiders are refused", async () => {
    const { company, owner, colleague, pending } = await companyWithThreePeople("fournil-invite2.fr");
    const pendingEmail = "curieux.fournil-invite2@gmail.com";
    expect((await invite(company.siret, pending.cookie, "ami@gmail.com")).body.error.code).toBe(
      "ORGANISATION_NOT_VERIFIED",
    );
    const outsider = await companyWithThreePeople("fournil-dehors.fr");
    expect((await invite(company.siret, outsider.owner.cookie, "ami@gmail.com")).status).toBe(404);
    expect((await invite(company.siret, owner.cookie, "second@fournil-invite2.fr")).body.error.code).toBe(
      "MEMBERSHIP_ALREADY_MEMBER",
    );
    expect((await invite(company.siret, owner.cookie, "pas-une-adresse")).body.error.code).toBe("VALIDATION_ERROR");

    const accepted = await invite(company.siret, colleague.cookie, pendingEmail);
    expect(accepted.body).toMatchObject({ outcome: "accepted", expiresAt: null });
    expect(await verificationOf(t, pending.id)).toMatchObject({ verification_method: "member" });
  });

  it("an invitation expires after 30 days and dies with its inviter's membership", async () => {
    const { company, owner, colleague } = await companyWithThreePeople("fournil-invite3.fr");
    expect((await invite(company.siret, colleague.cookie, "tardif@gmail.com")).status).toBe(200);
    expect((await invite(company.siret, colleague.cookie, "retire@gmail.com")).status).toBe(200);
    const removed = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${colleague.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(200);
    const afterRemoval = await signUpAndConfirm(t, { siret: company.siret, email: "retire@gmail.com" });
    expect((await verificationOf(t, afterRemoval.id)).verified_at).toBeNull();

    expect((await invite(company.siret, owner.cookie, "tardif@gmail.com")).status).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 31 * 86_400_000).toISOString());
    const late = await signUpAndConfirm(t, { siret: company.siret, email: "tardif@gmail.com" });
    expect((await verificationOf(t, late.id)).verified_at).toBeNull();
  });

  it("an invited or accepted outsider vouches for themself only: their domain verifies nobody else", async () => {
    const { company, owner, pending } = await companyWithThreePeople("fournil-invite4.fr");
    // The company's accountant, invited; then the accountant's colleagues try the same SIRET.
    expect((await invite(company.siret, owner.cookie, "expert@cabinet-chiffres.fr")).status).toBe(200);
    const accountant = await signUpAndConfirm(t, { siret: company.siret, email: "expert@cabinet-chiffres.fr" });
    expect(await verificationOf(t, accountant.id)).toMatchObject({ verification_method: "invitation" });
    const intruder = await signUpAndConfirm(t, { siret: company.siret, email: "stagiaire@cabinet-chiffres.fr" });
    expect((await verificationOf(t, intruder.id)).verified_at).toBeNull();

    // The same for a pending request accepted by a member.
    const partner = await signUpAndConfirm(t, { siret: company.siret, email: "gerant@groupement-achats.fr" });
    const accepted = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${partner.id}/accept`, {
      cookie: owner.cookie,
    });
    expect(accepted.status).toBe(200);
    expect(await verificationOf(t, partner.id)).toMatchObject({ verification_method: "member" });
    const other = await signUpAndConfirm(t, { siret: company.siret, email: "compta@groupement-achats.fr" });
    expect((await verificationOf(t, other.id)).verified_at).toBeNull();
    expect((await verificationOf(t, pending.id)).verified_at).toBeNull();
  });

  it("a member sends at most 20 invitations a day (each one emails any address): the 21st is refused in French", async () => {
    const { company, owner } = await companyWithThreePeople("fournil-invite7.fr");
    for (let i = 0; i < 20; i++)
      expect((await invite(company.siret, owner.cookie, `ami${i}@gmail.com`)).status).toBe(200);
    const refused = await invite(company.siret, owner.cookie, "ami20@gmail.com");
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("réessayez demain"),
    });
    // A day later, the member may invite again.
    t.clock.set(new Date(t.clock.now().getTime() + 86_400_000 + 1000).toISOString());
    expect((await invite(company.siret, owner.cookie, "ami20@gmail.com")).status).toBe(200);
  });

  it("waiting invitations are listed to verified members, who can revoke them; nobody else can", async () => {
    const { company, owner, colleague, pending } = await companyWithThreePeople("fournil-invite5.fr");
    const other = await companyWithThreePeople("fournil-invite6.fr");
    expect((await invite(company.siret, owner.cookie, "oubli@gmail.com")).status).toBe(200);
    expect((await invite(other.company.siret, other.owner.cookie, "ailleurs@gmail.com")).status).toBe(200);
    const listed = await call(t, "GET", `/api/v1/me/organisations/${company.siret}/members`, {
      cookie: colleague.cookie,
    });
    // The inviter is named as people read a name, as in the members' table.
    const inviter = listed.body.members.find((m: { accountId: string }) => m.accountId === owner.id);
    expect(listed.body.invitations).toEqual([
      {
        id: expect.any(String),
        email: "oubli@gmail.com",
        invitedBy: `${inviter.firstName} ${inviter.lastName}`,
        expiresAt: expect.any(String),
      },
    ]);
    const id = listed.body.invitations[0].id as string;
    const otherId = (
      await call(t, "GET", `/api/v1/me/organisations/${other.company.siret}/members`, { cookie: other.owner.cookie })
    ).body.invitations[0].id as string;
    const revoke = (siret: string, invitationId: string, cookie: string) =>
      call(t, "POST", `/api/v1/me/organisations/${siret}/invitations/${invitationId}/revoke`, { cookie });

    expect((await revoke(company.siret, id, pending.cookie)).body.error.code).toBe("ORGANISATION_NOT_VERIFIED");
    expect((await revoke(company.siret, id, other.owner.cookie)).status).toBe(404);
    // Another organisation's invitation cannot be revoked through mine.
    expect((await revoke(company.siret, otherId, owner.cookie)).body.error.code).toBe(
      "MEMBERSHIP_INVITATION_NOT_FOUND",
    );
    expect((await revoke(company.siret, "pas-un-uuid", owner.cookie)).status).toBe(400);

    const revoked = await revoke(company.siret, id, colleague.cookie);
    expect(revoked.status).toBe(200);
    expect(revoked.body.invitations).toEqual([]);
    const again = await revoke(company.siret, id, owner.cookie);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/introuvable/);

    // The address now signs up as anyone would: a pending request, not a verified member.
    const late = await signUpAndConfirm(t, { siret: company.siret, email: "oubli@gmail.com" });
    expect((await verificationOf(t, late.id)).verified_at).toBeNull();
    const trail = await t.db.db
      .selectFrom("account_events")
      .select(["action", "details"])
      .where("action", "=", "revoke_invitation")
      .execute();
    expect(trail).toEqual([{ action: "revoke_invitation", details: { email: "oubli@gmail.com" } }]);
  });
});
