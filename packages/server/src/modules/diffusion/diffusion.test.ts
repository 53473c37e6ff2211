import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEstablishment, recruiterWithCompany } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { API_KEY_CACHE_MS, createApiKey, revokeApiKey } from "./api-keys.js";
import { verifyWebhookSignature } from "./webhook-signature.js";
import { WebhookWorker } from "./webhook-worker.js";

let t: TestApp;
let writer: string;
let reader: string;
let company: { siret: string };
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z" });
  writer = (
    await createApiKey(t.db.db, { name: "jobboard", scopes: ["offers:read", "offers:write"], ratePerMinute: 1000 })
  ).key;
  reader = (await createApiKey(t.db.db, { name: "lecteur", scopes: ["offers:read"], ratePerMinute: 5 })).key;
  company = await insertEstablishment(t, { brand: "Partenaire Démo" });
});
afterAll(async () => t?.close());

const contact = { firstName: "Inès", lastName: "Garnier", email: "ines@partenaire.example", phone: "0611223344" };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function call(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  key: string | null,
  payload?: object,
  headers: Record<string, string> = {},
) {
  const r = await t.app.inject({
    method,
    url,
    headers: { ...(key ? bearer(key) : {}), ...headers },
    ...(payload ? { payload } : {}),
  });
  return {
    status: r.statusCode,
    body: r.body && r.headers["content-type"]?.toString().includes("json") ? r.json() : r.rawPayload,
    headers: r.headers,
  };
}

describe("API keys", () => {
  it("stops a revoked key within API_KEY_CACHE_MS, and never trusts an unknown key", async () => {
    const before = t.clock.now();
    const { key } = await createApiKey(t.db.db, { name: "ancien-partenaire", scopes: ["offers:read"] });
    expect((await call("GET", "/api/v1/offers", key)).status).toBe(200);
    expect(await revokeApiKey(t.db.db, "ancien-partenaire", t.clock.now())).toBe(true);
    t.clock.advanceMs(API_KEY_CACHE_MS + 1);
    const refused = await call("GET", "/api/v1/offers", key);
    expect([refused.status, refused.body.error.code]).toEqual([401, "API_KEY_INVALID"]);
    expect((await call("GET", "/api/v1/offers", key)).status).toBe(401);
    t.clock.set(before); // the other tests of this file count from the start date
  });

  it("records a key's last use at most once a minute (a trusted key is not even looked up)", async () => {
    const before = t.clock.now();
    const { key } = await createApiKey(t.db.db, { name: "partenaire-assidu", scopes: ["offers:read"] });
    const lastUsed = async () =>
      (
        await t.db.db
          .selectFrom("api_keys")
          .select("last_used_at")
          .where("name", "=", "partenaire-assidu")
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect(await lastUsed()).toBeNull();
    expect((await call("GET", "/api/v1/offers", key)).status).toBe(200);
    const first = new Date((await lastUsed()) as Date).getTime();
    expect(first).toBe(t.clock.now().getTime());
    try {
      t.clock.advanceMs(30_000);
      await call("GET", "/api/v1/offers", key);
      expect(new Date((await lastUsed()) as Date).getTime()).toBe(first);
      // Once the key's trust has lapsed it is read again, and its use recorded.
      t.clock.advanceMs(API_KEY_CACHE_MS);
      await call("GET", "/api/v1/offers", key);
      expect(new Date((await lastUsed()) as Date).getTime()).toBe(t.clock.now().getTime());
    } finally {
      t.clock.set(before);
    }
  });

  it("refuses an unknown key with 401, a missing scope with 403, and counts quota per key with Retry-After", async () => {
    expect((await call("GET", "/api/v1/offers", "tpl_nope_nope")).body.error.code).toBe("API_KEY_INVALID");
    expect((await call("GET", "/api/v1/offers", null)).status).toBe(401);
    const forbidden = await call("POST", "/api/v1/offers", reader, {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: contact,
    });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const r = await call("GET", "/api/v1/offers", reader);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = String(r.headers["retry-after"]);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe("partner writes", () => {
  it("removes HTML before checking lengths, and never turns &lt; back into markup", async () => {
    const push = {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: contact,
    };
    const tooShort = await call("POST", "/api/v1/offers", writer, {
      ...push,
      externalId: "HTML-1",
      title: "<b>ab</b>",
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.code).toBe("VALIDATION_ERROR");
    expect(tooShort.body.error.details[0].path).toBe("title");
    const encoded = await call("POST", "/api/v1/offers", writer, {
      ...push,
      externalId: "HTML-2",
      title: "Vendeur &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;&lt; cassé",
    });
    expect(encoded.status).toBe(201);
    expect(encoded.body.title).not.toMatch(/<script|<\/script/);
    expect(encoded.body.title).toContain("Vendeur");
  });

  it("creates with an externalId, upserts on a repeated push, replaces idempotently, closes", async () => {
    const push = {
      appellationCode: "11573",
      startDate: "2026-09-01",
      siret: company.siret,
      companyContact: contact,
      externalId: "JB-42",
    };
    const first = await call("POST", "/api/v1/offers", writer, push);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "active", company: { siret: company.siret } });
    const again = await call("POST", "/api/v1/offers", writer, { ...push, positions: 2 });
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.positions).toBe(2);
    const count = await t.db.db
      .selectFrom("offers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("external_id", "=", "JB-42")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    t.clock.advanceMs(60_000);
    const put = await call("PUT", `/api/v1/offers/${first.body.id}`, writer, { ...push, positions: 3 });
    expect(put.body).toMatchObject({ positions: 3, updatedAt: "2026-03-02T09:01:00.000Z" });
    t.clock.advanceMs(60_000);
    const same = await call("PUT", `/api/v1/offers/${first.body.id}`, writer, { ...push, positions: 3 });
    expect(same.body.updatedAt).toBe("2026-03-02T09:01:00.000Z"); // nothing changed, nothing diffused

    const r = await recruiterWithCompany(t);
    const foreign = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { cookie: r.cookie },
        payload: { appellationCode: "11573", startAsap: true },
      })
    ).json();
    expect((await call("PUT", `/api/v1/offers/${foreign.id}`, writer, push)).status).toBe(404);

    const closed = await call("POST", `/api/v1/offers/${first.body.id}/close`, writer, { reason: "filled" });
    expect(closed.body.status).toBe("filled");
    expect(
      (await call("POST", `/api/v1/offers/${first.body.id}/close`, writer, { reason: "filled" })).body.status,
    ).toBe("filled");
  });
});

describe("sync and export", () => {
  it("updatedSince sees creations, changes and closes, paginated without gaps", async () => {
    const since = t.clock.now().toISOString();
    t.clock.advanceMs(1000);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMs(1000);
      ids.push(
        (
          await call("POST", "/api/v1/offers", writer, {
            appellationCode: "11573",
            startAsap: true,
            siret: company.siret,
            companyContact: contact,
            externalId: `SYNC-${i}`,
          })
        ).body.id,
      );
    }
    t.clock.advanceMs(1000);
    await call("POST", `/api/v1/offers/${ids[1]}/close`, writer, { reason: "cancelled" });
    const seen: Array<{ id: string; status: string }> = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        "GET",
        `/api/v1/offers?updatedSince=${encodeURIComponent(since)}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        writer,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((o: { id: string; status: string }) => ({ id: o.id, status: o.status })));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(seen.at(-1)).toEqual({ id: ids[1], status: "cancelled" }); // last changed, last seen
  });

  it("exports every active offer as gzip NDJSON with an ETag, and answers 304 while nothing changed", async () => {
    const first = await call("GET", "/api/v1/offers/export", writer);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("application/gzip");
    const lines = gunzipSync(first.body as Buffer)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const active = await t.db.db.selectFrom("offers").select("id").where("status", "=", "active").execute();
    expect(lines.map((o) => o.id).sort()).toEqual(active.map((o) => o.id).sort());
    expect(lines.every((o) => o.status === "active" && !JSON.stringify(o).includes(contact.email))).toBe(true);
    const etag = String(first.headers.etag);
    expect((await call("GET", "/api/v1/offers/export", writer, undefined, { "if-none-match": etag })).status).toBe(304);
    await call("POST", "/api/v1/offers", writer, {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: contact,
    });
    const changed = await call("GET", "/api/v1/offers/export", writer, undefined, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe("webhooks", () => {
  let server: Server;
  let url: string;
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  let failNext = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("delivers signed events that the receiver can verify, retries after failures and after a restart", async () => {
    const created = await call("POST", "/api/v1/webhooks", writer, {
      url,
      events: ["offer.published", "offer.closed"],
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect((await call("POST", "/api/v1/webhooks", writer, { url: "http://example.com/hook" })).body.error.code).toBe(
      "WEBHOOK_URL_INVALID",
    );
    await t.webhooks.flush(); // events before the subscription are not replayed to it… but were logged
    received.length = 0;

    const offer = (
      await call("POST", "/api/v1/offers", writer, {
        appellationCode: "11573",
        startAsap: true,
        siret: company.siret,
        companyContact: contact,
      })
    ).body;
    failNext = 1;
    const firstRun = await t.webhooks.flush();
    expect(firstRun.delivered).toBe(0);
    expect(received).toHaveLength(0);

    // The process "restarts": a new worker on the same database resumes once the retry is due.
    const restarted = new WebhookWorker(
      t.db.db,
      t.clock,
      t.config.publicUrl,
      { warn: () => {}, error: () => {} },
      { env: "test" },
    );
    await restarted.flush();
    expect(received).toHaveLength(0); // not due yet
    t.clock.advanceMs(61_000);
    await restarted.flush();
    const published = received.filter(
      (r) => r.headers["x-tremplin-event"] === "offer.published" && JSON.parse(r.body).offer.id === offer.id,
    );
    expect(published).toHaveLength(1);
    const delivery = published[0] as { headers: IncomingMessage["headers"]; body: string };
    expect(
      verifyWebhookSignature(secret, delivery.body, String(delivery.headers["x-tremplin-signature"]), t.clock.now()),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        "whsec_other",
        delivery.body,
        String(delivery.headers["x-tremplin-signature"]),
        t.clock.now(),
      ),
    ).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: "offer.published",
      offer: { id: offer.id, status: "active" },
    });

    await call("POST", `/api/v1/offers/${offer.id}/close`, writer, { reason: "filled" });
    await restarted.flush();
    expect(
      received.some(
        (r) => r.headers["x-tremplin-event"] === "offer.closed" && JSON.parse(r.body).offer.status === "filled",
      ),
    ).toBe(true);
    await restarted.stop();
  });

  it("gives up after 24 hours of failures", async () => {
    const dead = await call("POST", "/api/v1/webhooks", writer, {
      url: "http://127.0.0.1:9/nowhere",
      events: ["offer.published"],
    });
    await call("POST", "/api/v1/offers", writer, {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: contact,
    });
    for (let i = 0; i < 20; i++) {
      await t.webhooks.flush();
      t.clock.advanceMs(2 * 3_600_000);
    }
    const deliveries = await t.db.db
      .selectFrom("webhook_deliveries")
      .select(["status", "attempts"])
      .where("webhook_id", "=", dead.body.id)
      .execute();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === "failed")).toBe(true);
    expect(Math.max(...deliveries.map((d) => d.attempts))).toBeGreaterThan(5);
  });
});
