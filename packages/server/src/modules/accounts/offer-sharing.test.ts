import { describe, expect, it } from "vitest";
import type { TestApp } from "../../../test/test-app.js";
import { apply, candidate, cvPdf } from "../applications/test-support.js";
import { call, companyWithThreePeople, withMembershipTestApp } from "./membership-test-support.js";

/**
 * Issue 11, « members share the establishment's offers and applications »: verified members of a
 * SIRET manage each other's offers and read their applications; a pending member does not; a
 * verified member who leaves or is removed hands their offers to a colleague instead of taking
 * them offline. Invitations: invitations.test.ts.
 */
let t: TestApp;
let admin: { cookie: string };
withMembershipTestApp((app, signedInAdmin) => {
  t = app;
  admin = signedInAdmin;
});

const BOULANGER = "11573";

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
    const { owner, colleague, pending } = await companyWithThreePeople(t, admin, "fournil-partage.fr");
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
    const { owner, colleague } = await companyWithThreePeople(t, admin, "fournil-copie.fr");
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
    const { owner, pending } = await companyWithThreePeople(t, admin, "fournil-intrus.fr");
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
    const { owner } = await companyWithThreePeople(t, admin, "fournil-a.fr");
    const other = await companyWithThreePeople(t, admin, "fournil-b.fr");
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
    const { company, owner, colleague } = await companyWithThreePeople(t, admin, "fournil-depart.fr");
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
    const { company, owner, colleague } = await companyWithThreePeople(t, admin, "fournil-relais.fr");
    const offerId = await postOffer(owner.cookie);
    const left = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${owner.id}/remove`, {
      cookie: owner.cookie,
    });
    expect(left.status).toBe(200);
    // The person who left is no longer entitled to the list: an empty view, not an error.
    expect(left.body).toMatchObject({ myRole: "inactive", members: [], invitations: [] });
    expect(await offerStatus(offerId)).toBe("active");
    const owners = await t.db.db.selectFrom("offers").select("account_id").where("id", "=", offerId).execute();
    expect(owners).toEqual([{ account_id: colleague.id }]);
    const list = await call(t, "GET", `/api/v1/me/organisations/${company.siret}/members`, {
      cookie: colleague.cookie,
    });
    expect(list.body.myRole).toBe("administrator");
  });

  it("a pending member refused by the administrator: their offers go offline, nobody inherits them", async () => {
    const { company, owner, pending } = await companyWithThreePeople(t, admin, "fournil-refus.fr");
    const offerId = await postOffer(pending.cookie);
    const refused = await call(t, "POST", `/api/v1/me/organisations/${company.siret}/members/${pending.id}/refuse`, {
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(200);
    expect(await offerStatus(offerId)).toBe("pending");
    expect((await call(t, "GET", `/api/v1/offers/${offerId}`)).status).toBe(404);
  });
});
