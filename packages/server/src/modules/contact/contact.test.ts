import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signedIn } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

const TEAM = "equipe@tremplin.test";
let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({
    config: {
      rateLimitPerMinute: 100_000,
      contactEmail: TEAM,
      operator: {
        name: "Association Tremplin <Démo>",
        address: "1 avenue de la Démo, 75001 Paris",
        publicationDirector: "Camille Démo",
        dpoEmail: "dpo@tremplin.test",
        hostingProvider: "Hébergeur Démo",
      },
    },
  });
  admin = await signedIn(t, "admin");
});
afterAll(async () => t?.close());
beforeEach(() => t.smtp.clear());

let ip = 0;
const send = async (payload: object, remoteAddress = `10.2.0.${++ip}`) => {
  const r = await t.app.inject({ method: "POST", url: "/api/v1/contact-messages", payload, remoteAddress });
  return { status: r.statusCode, body: r.json() };
};
const asAdmin = async (method: "GET" | "POST", url: string, payload?: object) => {
  const r = await t.app.inject({ method, url, headers: { cookie: admin.cookie }, ...(payload ? { payload } : {}) });
  return { status: r.statusCode, body: r.json() };
};
const message = {
  topic: "question",
  name: "Lou Martin",
  email: "lou.martin@example.org",
  message: "Bonjour, comment publier une offre pour deux établissements ?",
};

describe("POST /api/v1/contact-messages", () => {
  it("stores the message and emails it to CONTACT_EMAIL, replying to the sender", async () => {
    const r = await send(message);
    expect(r.status).toBe(201);
    expect(r.body.message).toContain("Merci");
    const stored = await t.db.db
      .selectFrom("contact_messages")
      .selectAll()
      .where("id", "=", r.body.id)
      .executeTakeFirst();
    expect(stored).toMatchObject({ topic: "question", email: "lou.martin@example.org" });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(TEAM);
    expect(mail?.subject).toBe("[Contact] Question sur le service — Lou Martin");
    expect(mail?.replyTo).toContain("lou.martin@example.org");
    expect(mail?.text).toContain("comment publier une offre");
  });

  it("validates with French messages: topic, email, a message long enough, no HTML", async () => {
    const bad = await send({ topic: "spam", name: "A", email: "pas-une-adresse", message: "court" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_ERROR");
    const paths = bad.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["email", "message", "name", "topic"]);
    const html = await send({ ...message, message: 'Bonjour <script>alert("x")</script> à vous' });
    expect(html.status).toBe(400);
    const keyWithoutOrganisation = await send({ ...message, topic: "api_key" });
    expect(keyWithoutOrganisation.body.error.details).toEqual([
      { path: "organisation", message: "Indiquez le nom de la plateforme ou de l'organisation qui utilisera la clé." },
    ]);
  });

  it("escapes what the sender wrote in the team's email (HTML version)", async () => {
    const r = await send({
      ...message,
      name: "Eve <img src=x onerror=alert(1)>",
      message: 'Texte & "guillemets" > 10 caractères',
    });
    // The name may not hold tags either: the contract refuses it before any email exists.
    expect(r.status).toBe(400);
    const ok = await send({ ...message, message: "1 < 2 & 3 > 2, un message qui compte plus de dix caractères" });
    expect(ok.status).toBe(201);
    await t.flushMail();
    const [mail] = await t.smtp.waitFor(TEAM);
    expect(mail?.html).toContain("1 &lt; 2 &amp; 3 &gt; 2");
  });

  it("is rate limited per address (3 a minute)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(message, "10.2.9.9")).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe("API key requests", () => {
  it("a « clé d'API » message opens a request; the admin grants it and the key is emailed once and works", async () => {
    const r = await send({
      ...message,
      topic: "api_key",
      organisation: "Plateforme Emploi Jeunes",
      email: "tech@plateforme.example",
    });
    expect(r.status).toBe(201);
    expect(r.body.message).toContain("clé d'API");
    const queue = await asAdmin("GET", "/api/v1/admin/api-key-requests");
    const request = queue.body.items.find((i: { email: string }) => i.email === "tech@plateforme.example");
    expect(request).toMatchObject({ status: "pending", organisation: "Plateforme Emploi Jeunes", keyName: null });

    const granted = await asAdmin("POST", `/api/v1/admin/api-key-requests/${request.id}/grant`, {
      scopes: ["offers:read"],
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      status: "granted",
      keyName: "Plateforme Emploi Jeunes",
      scopes: ["offers:read"],
    });
    expect(JSON.stringify(granted.body)).not.toContain("tpl_");
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("tech@plateforme.example");
    const key = /tpl_[a-f0-9]{8}_[\w-]+/.exec(mail?.text ?? "")?.[0] as string;
    expect(key).toBeDefined();
    expect(mail?.text).toContain("la clé de Plateforme Emploi Jeunes");
    const sync = await t.app.inject({
      method: "GET",
      url: "/api/v1/offers",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(sync.statusCode).toBe(200);

    // Decided once: a second grant or a refusal is refused, and no second key exists.
    const again = await asAdmin("POST", `/api/v1/admin/api-key-requests/${request.id}/grant`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("API_KEY_REQUEST_ALREADY_DECIDED");
    expect((await asAdmin("POST", `/api/v1/admin/api-key-requests/${request.id}/refuse`, {})).status).toBe(409);
    const keys = await t.db.db
      .selectFrom("api_keys")
      .select("name")
      .where("name", "like", "Plateforme Emploi%")
      .execute();
    expect(keys).toHaveLength(1);
  });

  it("a refusal tells the requester, elided (« d'Orange Jeunes »); unknown ids are 404; only admins decide", async () => {
    const r = await send({ ...message, topic: "api_key", organisation: "Orange Jeunes", email: "dev@orange.example" });
    expect(r.status).toBe(201);
    const queue = await asAdmin("GET", "/api/v1/admin/api-key-requests");
    const id = queue.body.items.find((i: { email: string }) => i.email === "dev@orange.example").id;
    const refused = await asAdmin("POST", `/api/v1/admin/api-key-requests/${id}/refuse`, {
      reason: "Usage non lié à l'alternance.",
    });
    expect(refused.body).toMatchObject({ status: "refused", keyName: null });
    await t.flushMail();
    const [mail] = await t.smtp.waitFor("dev@orange.example");
    expect(mail?.text).toContain("la demande de clé d'API d'Orange Jeunes. Raison : Usage non lié à l'alternance.");
    const missing = await asAdmin(
      "POST",
      "/api/v1/admin/api-key-requests/00000000-0000-4000-8000-000000000000/grant",
      {},
    );
    expect(missing.body.error.code).toBe("API_KEY_REQUEST_NOT_FOUND");
    const recruiter = await signedIn(t, "recruiter");
    const forbidden = await t.app.inject({
      method: "GET",
      url: "/api/v1/admin/api-key-requests",
      headers: { cookie: recruiter.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/admin/api-key-requests" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("GET /api/v1/site-info", () => {
  it("gives the operator's identity from configuration, as JSON (no HTML is interpreted)", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/site-info" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      operatorName: "Association Tremplin <Démo>",
      operatorAddress: "1 avenue de la Démo, 75001 Paris",
      publicationDirector: "Camille Démo",
      dpoEmail: "dpo@tremplin.test",
      hostingProvider: "Hébergeur Démo",
      contactEmail: TEAM,
      publicUrl: t.config.publicUrl,
    });
  });
});
