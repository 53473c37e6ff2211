import { createHmac } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey } from "../src/lib/secret-keys.js";
import { signToken } from "../src/lib/signed-token.js";
import { apply, candidate, DOCX_TYPE, recruiterWithOffer } from "../src/modules/applications/test-support.js";
import { createApiKey, revokeApiKey } from "../src/modules/diffusion/api-keys.js";
import { signedIn } from "./fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";

// Issue 12, hostile requests (ADR 010): CSRF rule, one key per use of the secret, plain redirect
// paths, zip bombs named .docx, limits (probes outside, pages inside, partners' revoked keys).

const webDistDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/web-dist");

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDistDir, config: { rateLimitPerMinute: 100_000, applicationsPerIpPerMinute: 100_000 } });
});
afterAll(async () => t?.close());

const logout = (headers: Record<string, string>, payload?: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers, ...(payload !== undefined ? { payload } : {}) });
const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });

describe("CSRF: a state-changing request carrying the session cookie", () => {
  it("is refused without Origin when its body is a form (403 CSRF_ORIGIN_REQUIRED), and the session stays", async () => {
    const { cookie } = await signedIn(t, "recruiter");
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
      const r = await logout({ cookie, "content-type": type }, "a=b");
      expect([r.statusCode, r.json().error.code], type).toEqual([403, "CSRF_ORIGIN_REQUIRED"]);
      expect(r.json().error.message).toContain("n'a pas indiqué qu'elle venait du site Tremplin");
    }
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("is refused from another origin or another site, whatever its type", async () => {
    const { cookie } = await signedIn(t, "recruiter");
    const json = { cookie, "content-type": "application/json" };
    const foreign = await logout({ ...json, origin: "https://evil.example" }, "{}");
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, "CSRF_REJECTED"]);
    const nullOrigin = await logout({ ...json, origin: "null" }, "{}");
    expect(nullOrigin.json().error.code).toBe("CSRF_REJECTED");
    const sibling = await logout({ ...json, "sec-fetch-site": "same-site" }, "{}");
    expect(sibling.json().error.code).toBe("CSRF_REJECTED");
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("passes with our Origin, with Sec-Fetch-Site: same-origin, with JSON, or without a body", async () => {
    const form = "application/x-www-form-urlencoded";
    const passing: Array<[Record<string, string>, string | undefined]> = [
      [{ origin: "http://tremplin.test", "content-type": form }, "a=b"],
      [{ "sec-fetch-site": "same-origin", "content-type": form }, "a=b"],
      [{ "content-type": "application/json" }, "{}"],
      [{ "content-type": "application/merge-patch+json" }, "{}"],
      [{}, undefined],
    ];
    for (const [headers, payload] of passing) {
      const { cookie } = await signedIn(t, "recruiter");
      const r = await logout({ cookie, ...headers }, payload);
      // Past the CSRF check: JSON and empty bodies sign out; other types have no parser here (415).
      const parsed = headers["content-type"] === undefined || headers["content-type"] === "application/json";
      expect(r.statusCode, JSON.stringify(headers)).toBe(parsed ? 204 : 415);
      if (r.statusCode === 204) expect((await me(cookie)).statusCode).toBe(401);
    }
  });

  it("does not apply to partners' keys (a Bearer header is never sent by a browser on its own)", async () => {
    const { key } = await createApiKey(t.db.db, { name: "partenaire-csrf", scopes: ["offers:read"] });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" },
      payload: "url=https://example.fr",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).not.toMatch(/^CSRF/);
  });
});

describe("one key per use of SESSION_SECRET (HKDF)", () => {
  it("a value signed with the email key is not a session cookie", async () => {
    const { cookie, token } = await signedIn(t, "recruiter");
    expect((await me(cookie)).statusCode).toBe(200);
    const emailMac = (key: Buffer) =>
      // @fastify/cookie's format: value.HMAC-SHA256 in base64 without padding
      createHmac("sha256", key).update(token).digest("base64").replace(/=+$/, "");
    const forged = `tremplin_session=${token}.${emailMac(deriveKey(t.config.sessionSecret, "emailToken"))}`;
    expect((await me(forged)).statusCode).toBe(401);
    const withSecret = `tremplin_session=${token}.${emailMac(Buffer.from(t.config.sessionSecret))}`;
    expect((await me(withSecret)).statusCode).toBe(401);
    expect(deriveKey(t.config.sessionSecret, "emailToken")).not.toEqual(
      deriveKey(t.config.sessionSecret, "sessionCookie"),
    );
  });

  it("a value signed with the cookie key is not an email link", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/alerts",
      payload: { email: "cle-separee@example.fr", romes: ["D1102"], latitude: 45.76, longitude: 4.84, radius: 30 },
    });
    expect(created.statusCode).toBe(201);
    const alert = await t.db.db
      .selectFrom("alerts")
      .select("id")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const expires = new Date(t.clock.now().getTime() + 86_400_000);
    const body = Buffer.from(
      JSON.stringify({ a: alert.id, p: "alert-confirm", e: Math.floor(expires.getTime() / 1000) }),
    ).toString("base64url");
    // The cookie plugin's signature of the same body, in the link's encoding.
    const cookieSigned = t.app.signCookie(body);
    const cookieMac = Buffer.from(cookieSigned.slice(body.length + 1), "base64").toString("base64url");
    const confirm = (token: string) =>
      t.app.inject({ method: "POST", url: "/api/v1/alerts/confirmations", payload: { token } });
    const refused = await confirm(`${body}.${cookieMac}`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, "ALERT_LINK_INVALID"]);
    const accepted = await confirm(signToken(t.config.sessionSecret, "alert-confirm", { a: alert.id }, expires));
    expect(accepted.statusCode).toBe(200);
  });
});

describe("redirectTo after signing in", () => {
  it("accepts a plain path and refuses anything a browser could read as another site", async () => {
    const ask = (redirectTo: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/magic-link",
        payload: { email: "redirection@example.fr", redirectTo },
        remoteAddress: `198.51.100.${Math.floor(Math.random() * 250)}`,
      });
    expect((await ask("/espace/offres?statut=ouvertes")).statusCode).toBe(204);
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/ok\\..\\x",
      "https://evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/espace\u0000",
      "/espace\nLocation: x",
      "/%2F%2Fevil.example",
      "espace",
    ]) {
      const r = await ask(bad);
      expect([r.statusCode, r.json().error.code], JSON.stringify(bad)).toEqual([400, "VALIDATION_ERROR"]);
    }
  });
});

/** A ZIP whose one deflated part declares its real (large) size: a small file that inflates a lot. */
function zipBomb(inflatedBytes: number): Buffer {
  const parts: Array<[string, Buffer]> = [
    ["[Content_Types].xml", Buffer.from('<?xml version="1.0"?><Types/>')],
    ["word/document.xml", Buffer.alloc(inflatedBytes, 0x20)],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("a .docx CV that would inflate far beyond its size", () => {
  it("is refused from the sizes its archive declares (422 CV_ARCHIVE_SUSPICIOUS); a normal one passes", async () => {
    const { offerId } = await recruiterWithOffer(t);
    const bomb = zipBomb(40 * 1_048_576);
    expect(bomb.length).toBeLessThan(200_000);
    const refused = await apply(t, { offerId, ...candidate() }, [{ name: "cv.docx", type: DOCX_TYPE, bytes: bomb }]);
    expect([refused.status, refused.body.error.code]).toEqual([422, "CV_ARCHIVE_SUSPICIOUS"]);
    expect(refused.body.error.message).toContain("anormalement compressé");
    const normal = zipBomb(200_000); // 200 KB of XML deflated: below the 1 MiB where ratios are checked
    const accepted = await apply(t, { offerId, ...candidate() }, [{ name: "cv.docx", type: DOCX_TYPE, bytes: normal }]);
    expect(accepted.status).toBe(201);
  });
});

describe("limits", () => {
  it("never limits /healthz nor the app's files, limits server-rendered pages per address with their own counter", async () => {
    const limited = await createTestApp({ webDistDir, config: { rateLimitPerMinute: 3 } });
    try {
      const health: number[] = [];
      for (let i = 0; i < 8; i++) {
        health.push((await limited.app.inject({ url: "/healthz", remoteAddress: "192.0.2.7" })).statusCode);
      }
      expect(health).toEqual(Array(8).fill(200));
      const pages: number[] = [];
      for (let i = 0; i < 5; i++) {
        pages.push((await limited.app.inject({ url: "/recherche", remoteAddress: "192.0.2.8" })).statusCode);
      }
      expect(pages).toEqual([200, 200, 200, 429, 429]);
      const page = await limited.app.inject({ url: "/recherche", remoteAddress: "192.0.2.8" });
      expect(page.json().error.code).toBe("RATE_LIMITED");
      expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
      // Another address has its own pages; the same address still has its API budget.
      expect((await limited.app.inject({ url: "/recherche", remoteAddress: "192.0.2.9" })).statusCode).toBe(200);
      const api = await limited.app.inject({ url: "/api/v1/site-info", remoteAddress: "192.0.2.8" });
      expect(api.statusCode).toBe(200);
      // The app's own files are never limited nor counted, even for an address out of page budget.
      const assets: number[] = [];
      for (let i = 0; i < 6; i++) {
        assets.push((await limited.app.inject({ url: "/assets/app-Fx1.js", remoteAddress: "192.0.2.8" })).statusCode);
      }
      expect(assets).toEqual(Array(6).fill(200));
      const counters = await limited.db.db.selectFrom("rate_limits").select(["key", "hits"]).execute();
      expect(counters).toContainEqual({ key: "pages|ip:192.0.2.8", hits: 6 });
      expect(counters).toContainEqual({ key: "ip:192.0.2.8", hits: 1 });
    } finally {
      await limited.close();
    }
  }, 120_000);

  it("refuses a revoked partner key on its very next call", async () => {
    const { key } = await createApiKey(t.db.db, { name: "partenaire-revoque", scopes: ["offers:read"] });
    const call = () =>
      t.app.inject({ method: "GET", url: "/api/v1/offers", headers: { authorization: `Bearer ${key}` } });
    expect((await call()).statusCode).toBe(200);
    expect((await call()).statusCode).toBe(200); // now trusted from the cache
    expect(await revokeApiKey(t.db.db, "partenaire-revoque", t.clock.now())).toBe(true);
    if (t.db.engine === "pglite") expect((await call()).statusCode).toBe(401);
    // On PostgreSQL the notification travels over a socket: a few milliseconds at most.
    else await expect.poll(async () => (await call()).statusCode, { timeout: 2_000, interval: 20 }).toBe(401);
    expect((await call()).json().error.code).toBe("API_KEY_INVALID");
  });
});
