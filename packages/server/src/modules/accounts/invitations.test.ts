import { describe, expect, it } from "vitest";
import { insertEstablishment } from "../../../test/fixtures.js";
import type { TestApp } from "../../../test/test-app.js";
import {
  call,
  companyWithThreePeople,
  signUpAndConfirm,
  verificationOf,
  withMembershipTestApp,
} from "./membership-test-support.js";

/**
 * Issue 11, « a verified member invites a colleague »: the invited address is verified when it signs
 * up on this SIRET; invitations expire, die with their inviter's membership, are capped per day and
 * can be revoked; an invited outsider vouches for nobody else.
 */
let t: TestApp;
let admin: { cookie: string };
withMembershipTestApp((app, signedInAdmin) => {
  t = app;
  admin = signedInAdmin;
});

describe("a verified member invites a colleague", () => {
  const invite = (siret: string, cookie: string, email: string) =>
    call(t, "POST", `/api/v1/me/organisations/${siret}/invitations`, { cookie, payload: { email } });

  it("the invited address is verified at once when it signs up on this SIRET, even on a public mailbox", async () => {
    const { company, owner } = await companyWithThreePeople(t, admin, "fournil-invite.fr");
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
    const { company, owner, colleague, pending } = await companyWithThreePeople(t, admin, "fournil-invite2.fr");
    const pendingEmail = "curieux.fournil-invite2@gmail.com";
    expect((await invite(company.siret, pending.cookie, "ami@gmail.com")).body.error.code).toBe(
      "ORGANISATION_NOT_VERIFIED",
    );
    const outsider = await companyWithThreePeople(t, admin, "fournil-dehors.fr");
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
    const { company, owner, colleague } = await companyWithThreePeople(t, admin, "fournil-invite3.fr");
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
    const { company, owner, pending } = await companyWithThreePeople(t, admin, "fournil-invite4.fr");
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
    const { company, owner } = await companyWithThreePeople(t, admin, "fournil-invite7.fr");
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
    const { company, owner, colleague, pending } = await companyWithThreePeople(t, admin, "fournil-invite5.fr");
    const other = await companyWithThreePeople(t, admin, "fournil-invite6.fr");
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
