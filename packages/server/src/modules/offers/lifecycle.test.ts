import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import type { JobDefinition } from "../../jobs/job.js";
import { runJob } from "../../jobs/runner.js";
import { expireOffersJob, remindOffersJob } from "./lifecycle-jobs.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

const run = (job: JobDefinition) =>
  runJob(job, { config: t.config, mailer: t.mailer, now: t.clock.now(), log: () => {} }, t.db, "test");

async function linkAction(link: string) {
  const token = new URL(link).searchParams.get("jeton");
  const r = await t.app.inject({ method: "POST", url: "/api/v1/offers/email-actions", payload: { token } });
  return { status: r.statusCode, body: r.json() };
}

const offerRow = (id: string) =>
  t.db.db.selectFrom("offers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("offer lifecycle with an injected clock", () => {
  it("creation → J-7 → J-1 → extend from the email (once) → reminders re-armed → expiry → republish", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/offers",
      headers: { cookie: r.cookie },
      payload: { appellationCode: "11573", startDate: "2026-09-01" },
    });
    const id = created.json().id as string;
    await t.flushMail();
    t.smtp.clear();

    // J-8: nothing yet.
    t.clock.set("2026-03-24T09:00:00.000Z");
    await run(remindOffersJob);
    await t.flushMail();
    expect(t.smtp.to(r.user.email)).toHaveLength(0);

    // J-7: the first reminder, sent once however often the job runs.
    t.clock.set("2026-03-25T10:00:00.000Z");
    await run(remindOffersJob);
    await run(remindOffersJob);
    await t.flushMail();
    const [week] = t.smtp.to(r.user.email);
    expect(t.smtp.to(r.user.email)).toHaveLength(1);
    expect(week?.subject).toBe("Votre offre « Boulanger / Boulangère » expire dans 7 jours");
    const links = week?.links.filter((l) => l.includes("/offres/action?jeton=")) ?? [];
    expect(links).toHaveLength(3); // extend, filled, cancel

    // J-1: the last call.
    t.clock.set("2026-03-31T10:00:00.000Z");
    await run(remindOffersJob);
    await t.flushMail();
    expect(t.smtp.to(r.user.email).map((m) => m.subject)).toEqual([
      "Votre offre « Boulanger / Boulangère » expire dans 7 jours",
      "Votre offre « Boulanger / Boulangère » expire demain",
    ]);

    // Extend from the J-7 email: 30 days from today; a second click (or the J-1 link) does not extend again.
    const extended = await linkAction(links[0] as string);
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({
      action: "extend",
      applied: true,
      status: "active",
      expiresAt: "2026-04-30T10:00:00.000Z",
    });
    expect(extended.body.message).toContain("30 avril 2026");
    const again = await linkAction(links[0] as string);
    expect(again.body).toMatchObject({ applied: false, expiresAt: "2026-04-30T10:00:00.000Z" });
    const lastCall = t.smtp.to(r.user.email)[1]?.links.find((l) => l.includes("jeton=")) as string;
    expect((await linkAction(lastCall)).body.applied).toBe(false);
    expect((await offerRow(id)).expiry_cycle).toBe(2);

    // The reminders are re-armed for the new period.
    t.smtp.clear();
    t.clock.set("2026-04-23T11:00:00.000Z");
    await run(remindOffersJob);
    await t.flushMail();
    expect(t.smtp.to(r.user.email)).toHaveLength(1);

    // Expiry: the offer leaves the public API, the recruiter is told and can republish in one click.
    t.smtp.clear();
    t.clock.set("2026-04-30T10:15:00.000Z");
    const expired = await run(expireOffersJob);
    expect(expired.summary).toEqual({ expired: 1 });
    expect((await run(expireOffersJob)).summary).toEqual({ expired: 0 });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${id}` })).statusCode).toBe(410);
    await t.flushMail();
    const [gone] = t.smtp.to(r.user.email);
    expect(gone?.subject).toBe("Votre offre « Boulanger / Boulangère » a expiré");
    const republished = await linkAction(gone?.links.find((l) => l.includes("jeton=")) as string);
    expect(republished.body).toMatchObject({ applied: true, status: "active", expiresAt: "2026-05-30T10:15:00.000Z" });
  });

  it("marks filled and cancels from links; a filled offer cannot be extended; forged links are refused", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const id = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startAsap: true },
      })
    ).json().id;
    t.clock.set("2026-03-26T09:00:00.000Z");
    await run(remindOffersJob);
    await t.flushMail();
    const links =
      t.smtp
        .to(r.user.email)
        .find((m) => m.subject.includes("expire"))
        ?.links.filter((l) => l.includes("jeton=")) ?? [];
    const [extend, filled] = links as [string, string];
    expect((await linkAction(filled)).body).toMatchObject({ action: "filled", applied: true, status: "filled" });
    expect((await linkAction(filled)).body).toMatchObject({ applied: false });
    const late = await linkAction(extend);
    expect([late.status, late.body.error.code]).toEqual([409, "OFFER_ACTION_INVALID"]);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/offers/${id}` })).statusCode).toBe(410);
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/v1/offers/email-actions",
      payload: { token: `${extend.split("jeton=")[1]?.slice(0, -3)}abc` },
    });
    expect([forged.statusCode, forged.json().error.code]).toEqual([400, "ACTION_LINK_INVALID"]);
  });

  it("lets the owner edit, extend, fill, cancel and duplicate from the space, and nobody else", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const other = await recruiterWithCompany(t);
    const id = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startDate: "2026-09-01" },
      })
    ).json().id;
    t.clock.set("2026-03-05T09:00:00.000Z");
    const edited = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/offers/${id}`,
      headers: { cookie: r.cookie },
      payload: { positions: 3, title: "Boulanger de nuit" },
    });
    expect(edited.json()).toMatchObject({
      positions: 3,
      title: "Boulanger de nuit",
      updatedAt: "2026-03-05T09:00:00.000Z",
    });
    const bad = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/offers/${id}`,
      headers: { cookie: r.cookie },
      payload: { description: "Envoyez votre CV sur https://exemple.fr/cv maintenant" },
    });
    expect(bad.json().error.code).toBe("FREE_TEXT_CONTACT_FORBIDDEN");
    expect(
      (
        await t.app.inject({
          method: "PATCH",
          url: `/api/v1/offers/${id}`,
          headers: { cookie: other.cookie },
          payload: { positions: 1 },
        })
      ).statusCode,
    ).toBe(404);

    const extended = await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${id}/extend`,
      headers: { cookie: r.cookie },
    });
    expect(extended.json().expiresAt).toBe("2026-04-04T09:00:00.000Z");
    const copy = await t.app.inject({
      method: "POST",
      url: `/api/v1/offers/${id}/duplicate`,
      headers: { cookie: r.cookie },
    });
    expect(copy.json()).toMatchObject({ status: "active", title: "Boulanger de nuit", positions: 3, views: 0 });
    expect(copy.json().id).not.toBe(id);
    expect(
      (await t.app.inject({ method: "POST", url: `/api/v1/offers/${id}/fill`, headers: { cookie: r.cookie } })).json()
        .status,
    ).toBe("filled");
    const list = await t.app.inject({ method: "GET", url: "/api/v1/me/offers", headers: { cookie: r.cookie } });
    expect(
      list
        .json()
        .items.map((o: { status: string }) => o.status)
        .sort(),
    ).toEqual(["active", "filled"]);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/offers/${copy.json().id}/cancel`,
          headers: { cookie: r.cookie },
        })
      ).json().statusLabel,
    ).toBe("Annulée");
  });

  it("counts views of live offers only", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const id = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startDate: "2026-09-01" },
      })
    ).json().id;
    for (let i = 0; i < 3; i++)
      expect(
        (await t.app.inject({ method: "POST", url: `/api/v1/offers/${id}/view`, remoteAddress: `10.7.0.${i}` }))
          .statusCode,
      ).toBe(204);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/me/offers/${id}`, headers: { cookie: r.cookie } })).json()
        .views,
    ).toBe(3);
  });

  it("says whether « Prolonger » would move the end date: not the day of publication, yes the day after", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const id = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startDate: "2026-09-01" },
      })
    ).json().id;
    const canExtend = async () =>
      (await t.app.inject({ method: "GET", url: `/api/v1/me/offers/${id}`, headers: { cookie: r.cookie } })).json()
        .canExtend;
    t.clock.set("2026-03-02T09:01:00.000Z");
    expect(await canExtend()).toBe(false);
    t.clock.set("2026-03-03T09:00:00.000Z");
    expect(await canExtend()).toBe(true);
  });
});

describe("editing skills", () => {
  it("regenerates a text nobody rewrote, and keeps a recruiter's own text", async () => {
    t.clock.set("2026-03-02T09:00:00.000Z");
    const r = await recruiterWithCompany(t);
    const patch = async (id: string, payload: object) =>
      (
        await t.app.inject({ method: "PATCH", url: `/api/v1/offers/${id}`, headers: { cookie: r.cookie }, payload })
      ).json();
    const posted = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startDate: "2026-09-01" },
      })
    ).json();
    const fiche = (await t.app.inject({ method: "GET", url: "/api/v1/referential/romes/D1102" })).json();
    const last = fiche.skills.savoirFaire.at(-1) as { code: string; label: string };
    const skills = { savoirFaire: [last.code], savoirEtre: [], savoirs: [] };
    expect(posted.description).not.toContain(last.label);

    const regenerated = await patch(posted.id, { skills });
    expect(regenerated.description).toContain(last.label);
    expect(regenerated.description).not.toBe(posted.description);

    const own = "Nous cherchons un apprenti boulanger motivé pour notre fournil de quartier.";
    await patch(posted.id, { description: own });
    const kept = await patch(posted.id, { skills: { savoirFaire: [], savoirEtre: [], savoirs: [] } });
    expect(kept.description).toBe(own);
    expect(kept.skills).toEqual([]);
  });
});
