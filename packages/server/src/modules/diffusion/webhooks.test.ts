import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEstablishment } from "../../../test/fixtures.js";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { createApiKey } from "./api-keys.js";
import { WebhookWorker } from "./webhook-worker.js";
import { MAX_WEBHOOKS_PER_KEY } from "./webhooks-service.js";

// Partner webhooks as an attacker would use them (reach inside the network) and as a bad day would
// (hanging endpoints, two instances).

let t: TestApp;
let company: { siret: string };
const dns = new Map<string, string[]>();
beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-02T09:00:00.000Z" });
  t.deps.resolveHost = async (host) => {
    const addresses = dns.get(host);
    if (!addresses) throw new Error(`ENOTFOUND ${host}`);
    return addresses;
  };
  company = await insertEstablishment(t, { brand: "Partenaire Webhooks" });
});
afterAll(async () => t?.close());

const newKey = async (name: string) =>
  (await createApiKey(t.db.db, { name, scopes: ["offers:read", "offers:write"], ratePerMinute: 100_000 })).key;

const register = (key: string, url: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/webhooks",
    headers: { authorization: `Bearer ${key}` },
    payload: { url, events: ["offer.published"] },
  });

describe("webhook URLs", () => {
  it("are refused when https is missing or any resolved address is private, local or reserved", async () => {
    const key = await newKey("ssrf");
    dns.set("localtest.me", ["127.0.0.1"]);
    dns.set("metadata.example", ["169.254.169.254"]);
    dns.set("mixed.example", ["93.184.216.34", "10.0.0.5"]);
    dns.set("v6-private.example", ["fd12:3456::1"]);
    dns.set("mapped.example", ["::ffff:192.168.1.1"]);
    dns.set("partner.example", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]);
    for (const url of [
      "https://10.0.0.1/",
      "https://169.254.169.254/latest/meta-data/",
      "https://[::1]/",
      "https://127.0.0.2/",
      "https://[::ffff:127.0.0.1]/",
      "https://[fe80::1]/",
      "https://[ff02::1]/",
      "https://0.0.0.0/",
      "https://[::]/",
      "https://localtest.me/",
      "https://metadata.example/",
      "https://mixed.example/",
      "https://v6-private.example/",
      "https://mapped.example/",
      "https://unknown.example/",
      "http://partner.example/",
      "ftp://partner.example/",
      "https://user:pass@partner.example/",
    ]) {
      const r = await register(key, url);
      expect([r.statusCode, r.json().error.code], url).toEqual([400, "WEBHOOK_URL_INVALID"]);
    }
    expect((await register(key, "https://partner.example/hooks")).statusCode).toBe(201);
  });

  it("are capped per key", async () => {
    const key = await newKey("beaucoup");
    dns.set("many.example", ["93.184.216.34"]);
    for (let i = 0; i < MAX_WEBHOOKS_PER_KEY; i++)
      expect((await register(key, `https://many.example/${i}`)).statusCode).toBe(201);
    const over = await register(key, "https://many.example/de-trop");
    expect([over.statusCode, over.json().error.code]).toEqual([409, "WEBHOOK_LIMIT_REACHED"]);
  });

  it("are resolved again at each delivery: a host that now points inside is not called", async () => {
    const key = await newKey("rebind");
    dns.set("rebind.example", ["93.184.216.34"]);
    const hook = (await register(key, "https://rebind.example/hooks")).json();
    dns.set("rebind.example", ["127.0.0.1"]);
    await publishOffer(key, "REBIND-1");
    await t.webhooks.flush();
    const deliveries = await t.db.db
      .selectFrom("webhook_deliveries")
      .select(["status", "last_error", "delivered_at"])
      .where("webhook_id", "=", hook.id)
      .execute();
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) {
      expect(d.delivered_at).toBeNull();
      expect(d.last_error).toContain("privée");
    }
    await t.db.db.updateTable("webhooks").set({ disabled_at: t.clock.now() }).where("id", "=", hook.id).execute();
  });
});

async function publishOffer(key: string, externalId: string) {
  const r = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: { authorization: `Bearer ${key}` },
    payload: {
      appellationCode: "11573",
      startAsap: true,
      siret: company.siret,
      companyContact: { firstName: "Inès", lastName: "Garnier", email: "ines@partenaire.example", phone: "0611223344" },
      externalId,
    },
  });
  expect(r.statusCode).toBe(201);
}

describe("webhook deliveries", () => {
  let slow: Server;
  let fast: Server;
  const held: ServerResponse[] = [];
  const slowReceived: string[] = [];
  const fastReceived: string[] = [];
  let released = false;
  const listen = async (server: Server) => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const record = (list: string[], req: IncomingMessage) => list.push(String(req.headers["x-tremplin-delivery"]));
  let slowUrl: string;
  let fastUrl: string;
  beforeAll(async () => {
    slow = createServer((req, res) => {
      req.resume();
      record(slowReceived, req);
      if (released) res.writeHead(204).end();
      else held.push(res);
    });
    fast = createServer((req, res) => {
      req.resume();
      record(fastReceived, req);
      res.writeHead(204).end();
    });
    slowUrl = await listen(slow);
    fastUrl = await listen(fast);
  });
  afterAll(async () => {
    for (const res of held) res.end();
    await Promise.all([slow, fast].map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  const until = async (condition: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await condition()).toBe(true);
  };

  it("go out concurrently across partners, a few at a time per partner, never twice with two instances", async () => {
    await t.webhooks.flush(); // what earlier tests left
    const slowKey = await newKey("lent");
    const fastKey = await newKey("rapide");
    for (let i = 0; i < 6; i++) expect((await register(slowKey, `${slowUrl}/hook-${i}`)).statusCode).toBe(201);
    expect((await register(fastKey, `${fastUrl}/hook`)).statusCode).toBe(201);
    await publishOffer(fastKey, "CONC-1");

    const quiet = { warn: () => {}, error: () => {} };
    const first = new WebhookWorker(t.db.db, t.clock, t.config.publicUrl, quiet, { env: "test", leaseRenewMs: 20 });
    const running = first.flush();
    // The fast partner is served while the slow one's endpoints hang, which hold at most the cap.
    await until(() => fastReceived.length === 1 && held.length === 4);

    // Another instance, well past the original lease: the renewed leases keep it off the held rows.
    t.clock.advanceMs(61_000);
    const leaseUntil = async () =>
      (
        await t.db.db
          .selectFrom("webhook_deliveries")
          .select((eb) => eb.fn.min("claimed_until").as("until"))
          .where("status", "=", "sending")
          .executeTakeFirstOrThrow()
      ).until;
    await until(async () => {
      const until = await leaseUntil();
      return until !== null && new Date(until).getTime() > t.clock.now().getTime();
    });
    const second = new WebhookWorker(t.db.db, t.clock, t.config.publicUrl, quiet, { env: "test", leaseRenewMs: 20 });
    const secondRun = second.flush();
    await until(() => slowReceived.length === 6);

    released = true;
    for (const res of held.splice(0)) res.writeHead(204).end();
    await Promise.all([running, secondRun]);
    expect(new Set(slowReceived).size).toBe(6);
    expect(slowReceived).toHaveLength(6);
    expect(fastReceived).toHaveLength(1);
    const pending = await t.db.db
      .selectFrom("webhook_deliveries")
      .select("id")
      .where("status", "in", ["pending", "sending"])
      .where("last_error", "is", null)
      .execute();
    expect(pending).toHaveLength(0);
  });
});
