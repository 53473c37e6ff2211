import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOffer, signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { eraseCandidate } from "../accounts/candidate-service.js";
import { hashToken, newToken } from "../accounts/tokens.js";
import { confirmedAlert, createAlert, jetonOf, LYON, newAddress, purgeAlerts, sendAlerts } from "./test-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z", config: { rateLimitPerMinute: 100_000 } });
});
afterAll(async () => t?.close());

/** A session for the candidate created when their alert was confirmed. */
async function sessionOf(email: string) {
  const user = await t.db.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const token = newToken();
  const now = t.clock.now();
  await t.db.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 86_400_000),
    })
    .execute();
  return { headers: { cookie: `tremplin_session=${t.app.signCookie(token)}` } };
}

const alertRow = (id: string) => t.db.db.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst();

describe("creating and confirming an alert (double opt-in)", () => {
  it("mails a confirmation link; the alert starts only once it is followed, and the address becomes a candidate", async () => {
    const email = newAddress();
    const created = await createAlert(t, { email: ` ${email.toUpperCase()} `, appellationCode: "11573", radius: 10 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ confirmed: false });
    expect(await alertRow(created.body.id)).toMatchObject({
      email,
      romes: ["D1102"],
      job_label: "Boulanger / Boulangère",
      place_label: "Lyon (69)",
      radius_km: 10,
      confirmed_at: null,
    });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(email);
    expect(mail?.subject).toBe("Confirmez votre alerte Tremplin");
    expect(mail?.text).toContain("Boulanger / Boulangère à 10 km de Lyon (69)");
    const link = mail?.links.find((l) => l.startsWith("http://tremplin.test/alertes/confirmation?jeton="));
    expect(link).toBeDefined();

    const confirm = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/alerts/confirmations",
        payload: { token: jetonOf(link as string) },
      });
    const first = await confirm();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ confirmedNow: true, alert: { id: created.body.id, radius: 10 } });
    expect(first.json().alert.searchUrl).toContain("/recherche?metier=11573&rome=D1102");
    const again = await confirm();
    expect(again.json()).toMatchObject({ confirmedNow: false });
    expect((await alertRow(created.body.id))?.confirmed_at).not.toBeNull();
    const fiches = await t.db.db
      .selectFrom("alert_fiches")
      .select("rome_code")
      .where("alert_id", "=", created.body.id)
      .execute();
    expect(fiches.map((f) => f.rome_code)).toContain("D1102");
    const user = await t.db.db.selectFrom("users").select("role").where("email", "=", email).executeTakeFirst();
    expect(user?.role).toBe("candidate");
  });

  it("refuses a forged or tampered token, and unknown jobs, with clear errors", async () => {
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/v1/alerts/confirmations",
      payload: { token: "eyJhIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIn0.c2lnbmF0dXJl" },
    });
    expect([forged.statusCode, forged.json().error.code]).toEqual([400, "ALERT_LINK_INVALID"]);
    const unknownRome = await createAlert(t, { email: newAddress(), romes: ["N9999"] });
    expect([unknownRome.status, unknownRome.body.error.code]).toEqual([404, "ROME_UNKNOWN"]);
    const abroad = await createAlert(t, { email: newAddress(), latitude: 40.4, longitude: -3.7 });
    expect([abroad.status, abroad.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    const badEmail = await createAlert(t, { email: "pas-une-adresse" });
    expect(badEmail.body.error.details[0].path).toBe("email");
  });

  it("puts no text of the caller's in the email sent to the address (no phishing through alerts)", async () => {
    const email = newAddress();
    const created = await createAlert(t, {
      email,
      jobLabel: "Gagnez 1000 € sur http://arnaque.example",
      placeLabel: "<a href='http://arnaque.example'>ici</a>",
    });
    expect(created.status).toBe(201);
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(email);
    expect(mail?.text).not.toContain("arnaque");
    expect(mail?.html).not.toContain("arnaque");
  });

  it("limits pending confirmations per address, and alerts per IP address", async () => {
    const email = newAddress();
    for (let i = 0; i < 3; i++) expect((await createAlert(t, { email })).status).toBe(201);
    const fourth = await createAlert(t, { email });
    expect([fourth.status, fourth.body.error.code]).toEqual([429, "ALERT_PENDING_LIMIT"]);

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await createAlert(t, { email: newAddress() }, { remoteAddress: "203.0.113.9" })).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses[5]).toBe(429);
  });
});

describe("alerts:send", () => {
  it("mails new offers once, 10 at most, nearest first; nothing when nothing is new", async () => {
    t.clock.set("2026-04-01T08:00:00.000Z");
    const { email, id } = await confirmedAlert(t, { radius: 30 });
    // Published after the confirmation: 12 in Lyon (at growing distances), one too far, one of another job.
    for (let i = 0; i < 12; i++) {
      await insertOffer(t, {
        title: `Boulanger n°${i + 1}`,
        lat: LYON.latitude + i * 0.01,
        lon: LYON.longitude,
        published_at: new Date("2026-04-01T12:00:00.000Z"),
      });
    }
    await insertOffer(t, {
      title: "Boulanger à Paris",
      lat: 48.8566,
      lon: 2.3522,
      published_at: new Date("2026-04-01T12:00:00.000Z"),
    });
    await insertOffer(t, {
      title: "Autre métier",
      rome_code: "K2204",
      published_at: new Date("2026-04-01T12:00:00.000Z"),
    });

    const first = await sendAlerts(t, "2026-04-02T05:00:00.000Z");
    expect(first.status).toBe("succeeded");
    await t.flushMail();
    const mails = (await t.smtp.waitFor(email, 2)).filter((m) => m.subject.includes("nouvelles offres"));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.subject).toBe("12 nouvelles offres : Boulanger / Boulangère");
    const listed = [...(mail?.text ?? "").matchAll(/^- (Boulanger n°\d+)/gm)].map((m) => m[1]);
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `Boulanger n°${i + 1}`));
    expect(mail?.text).toContain("Et 2 autres");
    expect(mail?.text).not.toContain("Paris");
    expect(mail?.text).not.toContain("Autre métier");

    // Unsubscribe headers (RFC 8058) and a link in the body.
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.headers["list-unsubscribe"]).toMatch(
      /^<http:\/\/tremplin\.test\/api\/v1\/alerts\/unsubscribe\?token=.+>$/,
    );
    expect(mail?.links.some((l) => l.includes("/alertes/desinscription?jeton="))).toBe(true);

    // The same day again, and the next day with nothing new: nothing.
    expect((await sendAlerts(t, "2026-04-02T05:00:00.000Z")).summary).toMatchObject({ emailsQueued: 0 });
    expect((await sendAlerts(t, "2026-04-03T05:00:00.000Z")).summary).toMatchObject({ emailsQueued: 0, pairs: 0 });
    await t.flushMail();
    expect(t.smtp.to(email).filter((m) => m.subject.includes("nouvelles offres"))).toHaveLength(1);
    const delivered = await t.db.db
      .selectFrom("alert_deliveries")
      .select("offer_id")
      .where("alert_id", "=", id)
      .execute();
    expect(delivered).toHaveLength(10);
  });

  it("never mails the same offer twice to one address, even through two alerts", async () => {
    t.clock.set("2026-05-01T08:00:00.000Z");
    const email = newAddress();
    await confirmedAlert(t, { email, radius: 30 });
    await confirmedAlert(t, { email, radius: 60, romes: ["D1102", "D1104"] });
    const offer = await insertOffer(t, {
      title: "Boulanger partagé",
      published_at: new Date("2026-05-01T10:00:00.000Z"),
    });
    await sendAlerts(t, "2026-05-02T05:00:00.000Z");
    await t.flushMail();
    const alertMails = t.smtp.to(email).filter((m) => m.text.includes(`/offres/${offer.id}`));
    expect(alertMails).toHaveLength(1);
    // A later offer reaches the same address again, once.
    await insertOffer(t, { title: "Boulanger suivant", published_at: new Date("2026-05-02T10:00:00.000Z") });
    await sendAlerts(t, "2026-05-03T05:00:00.000Z");
    await t.flushMail();
    const later = t.smtp.to(email).filter((m) => m.text.includes("Boulanger suivant"));
    expect(later).toHaveLength(1);
    expect(later[0]?.text).not.toContain("Boulanger partagé");
  });

  it("sends nothing for an unconfirmed alert, and respects the diploma level", async () => {
    t.clock.set("2026-06-01T08:00:00.000Z");
    const pending = newAddress();
    await createAlert(t, { email: pending });
    const { email } = await confirmedAlert(t, { diplomaLevel: 3 });
    await insertOffer(t, {
      title: "Boulanger niveau 5",
      diploma_level: 5,
      published_at: new Date("2026-06-01T10:00:00.000Z"),
    });
    await insertOffer(t, {
      title: "Boulanger niveau 3",
      diploma_level: 3,
      published_at: new Date("2026-06-01T10:00:00.000Z"),
    });
    await sendAlerts(t, "2026-06-02T05:00:00.000Z");
    await t.flushMail();
    expect(t.smtp.to(pending).map((m) => m.subject)).toEqual(["Confirmez votre alerte Tremplin"]);
    const mail = t.smtp.to(email).find((m) => m.subject.startsWith("Une nouvelle offre"));
    expect(mail?.text).toContain("Boulanger niveau 3");
    expect(mail?.text).not.toContain("Boulanger niveau 5");
  });
});

describe("unsubscribing and managing alerts", () => {
  it("unsubscribes in one click from the List-Unsubscribe header, without a session, and a second POST is harmless", async () => {
    t.clock.set("2026-07-01T08:00:00.000Z");
    const { email, id } = await confirmedAlert(t);
    await insertOffer(t, { published_at: new Date("2026-07-01T10:00:00.000Z") });
    await sendAlerts(t, "2026-07-02T05:00:00.000Z");
    await t.flushMail();
    const mail = t.smtp.to(email).find((m) => m.headers["list-unsubscribe"]);
    const url = new URL(String(mail?.headers["list-unsubscribe"]).slice(1, -1));
    const oneClick = () =>
      t.app.inject({
        method: "POST",
        url: `${url.pathname}${url.search}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      });
    const first = await oneClick();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ removed: true });
    expect(await alertRow(id)).toBeUndefined();
    expect((await oneClick()).json()).toMatchObject({ removed: false });

    // Nothing more is sent for it.
    const before = t.smtp.to(email).length;
    await insertOffer(t, { published_at: new Date("2026-07-02T10:00:00.000Z") });
    await sendAlerts(t, "2026-07-03T05:00:00.000Z");
    await t.flushMail();
    expect(t.smtp.to(email)).toHaveLength(before);

    const tampered = await t.app.inject({
      method: "POST",
      url: `/api/v1/alerts/unsubscribe?token=${url.searchParams.get("token")?.slice(0, -2)}xx`,
    });
    expect([tampered.statusCode, tampered.json().error.code]).toEqual([400, "ALERT_LINK_INVALID"]);
  });

  it("lists and deletes a signed-in candidate's alerts, and nobody else's", async () => {
    t.clock.set("2026-08-01T08:00:00.000Z");
    const { email, id } = await confirmedAlert(t);
    const other = await confirmedAlert(t);
    const me = await sessionOf(email);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/me/alerts", headers: me.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([id]);

    const foreign = await t.app.inject({ method: "DELETE", url: `/api/v1/me/alerts/${other.id}`, headers: me.headers });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "ALERT_NOT_FOUND"]);
    expect(await alertRow(other.id)).toBeDefined();
    const mine = await t.app.inject({ method: "DELETE", url: `/api/v1/me/alerts/${id}`, headers: me.headers });
    expect(mine.statusCode).toBe(204);
    expect(await alertRow(id)).toBeUndefined();

    const recruiter = await signedIn(t, "recruiter");
    const refused = await t.app.inject({ method: "GET", url: "/api/v1/me/alerts", headers: recruiter.headers });
    expect(refused.statusCode).toBe(403);
  });

  it("erases a candidate's alerts and what was mailed to them when they erase their data", async () => {
    t.clock.set("2026-08-15T08:00:00.000Z");
    const { email, id } = await confirmedAlert(t);
    await insertOffer(t, { published_at: new Date("2026-08-15T10:00:00.000Z") });
    await sendAlerts(t, "2026-08-16T05:00:00.000Z");
    const user = await t.db.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const mailed = () => t.db.db.selectFrom("alert_deliveries").select("offer_id").where("email", "=", email).execute();
    expect(await mailed()).toHaveLength(1);
    await eraseCandidate(t.services.accounts, user.id);
    expect(await alertRow(id)).toBeUndefined();
    expect(await mailed()).toEqual([]);
  });

  it("deletes alerts left unconfirmed for 7 days, and only those", async () => {
    t.clock.set("2026-09-01T08:00:00.000Z");
    const pending = await createAlert(t, { email: newAddress() });
    const { id: confirmed } = await confirmedAlert(t);
    await purgeAlerts(t, "2026-09-08T07:00:00.000Z");
    expect(await alertRow(pending.body.id)).toBeDefined();
    const run = await purgeAlerts(t, "2026-09-08T08:00:00.000Z");
    expect((run.summary as { unconfirmedDeleted: number }).unconfirmedDeleted).toBeGreaterThanOrEqual(1);
    expect(await alertRow(pending.body.id)).toBeUndefined();
    expect(await alertRow(confirmed)).toBeDefined();
  });
});
