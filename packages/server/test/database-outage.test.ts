import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/modules/diffusion/api-keys.js";
import { insertEstablishment, insertOffer } from "./fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";

// A database restart or failover must never end the process: requests in flight get a 503 in the
// error shape, the pool reconnects, and /healthz says whether the database answers.

const webDistDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/web-dist");

describe("/healthz and a database that does not answer", () => {
  it("answers 200 with the engine, then 503 SERVICE_UNAVAILABLE (not 500) once the database is gone", async () => {
    const t = await createTestApp();
    try {
      const ok = await t.app.inject({ method: "GET", url: "/healthz" });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: "ok", database: { engine: t.db.engine } });

      await t.db.close();
      const down = await t.app.inject({ method: "GET", url: "/healthz" });
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe("SERVICE_UNAVAILABLE");
      const api = await t.app.inject({ method: "GET", url: "/api/v1/offers/00000000-0000-4000-8000-000000000000" });
      expect(api.statusCode).toBe(503);
      expect(api.json().error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.any(String) });
      expect(api.headers["retry-after"]).toBe("5");
    } finally {
      await t.close();
    }
  });
});

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)("PostgreSQL backends terminated under load", () => {
  let t: TestApp;
  let admin: pg.Client;
  let databaseName: string;
  beforeAll(async () => {
    t = await createTestApp({ webDistDir, config: { rateLimitPerMinute: 1_000_000 } });
    const current = await t.db.db.selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name")).execute();
    databaseName = current[0]?.name as string;
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const terminateBackends = async () => {
    const result = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [databaseName],
    );
    return result.rowCount ?? 0;
  };

  it("keeps the process up, answers 503 in the error shape meanwhile, and recovers within seconds, nothing lost", async () => {
    const offer = await insertOffer(t, { title: "Apprenti boulanger" });
    const company = await insertEstablishment(t, { brand: "Partenaire Panne" });
    const { key } = await createApiKey(t.db.db, {
      name: "partenaire-panne",
      scopes: ["offers:read", "offers:write"],
      ratePerMinute: 1_000_000,
    });
    const push = (externalId: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/offers",
        headers: { authorization: `Bearer ${key}` },
        payload: {
          appellationCode: "11573",
          startAsap: true,
          siret: company.siret,
          companyContact: {
            firstName: "Inès",
            lastName: "Garnier",
            email: "ines@partenaire.example",
            phone: "0611223344",
          },
          externalId,
        },
      });

    // A dozen concurrent clients read the offer page and the API, and push offers, while the
    // backends are terminated three times.
    const statuses: number[] = [];
    const accepted: string[] = [];
    const refused: string[] = [];
    let stop = false;
    let pushes = 0;
    const worker = async (n: number) => {
      while (!stop) {
        if (n % 3 === 0) {
          const externalId = `PANNE-${n}-${pushes++}`;
          const r = await push(externalId);
          statuses.push(r.statusCode);
          if (r.statusCode === 201) accepted.push(externalId);
          else {
            expect(r.statusCode).toBe(503);
            expect(r.json().error.code).toBe("SERVICE_UNAVAILABLE");
            refused.push(externalId);
          }
        } else {
          const url = n % 3 === 1 ? `/offres/${offer.id}` : `/api/v1/offers/${offer.id}`;
          const r = await t.app.inject({ method: "GET", url });
          statuses.push(r.statusCode);
          if (r.statusCode !== 200) {
            expect(r.statusCode).toBe(503);
            expect(r.json().error.code).toBe("SERVICE_UNAVAILABLE");
          }
        }
      }
    };
    const workers = Array.from({ length: 12 }, (_, n) => worker(n));
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      terminated += await terminateBackends();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(workers);

    expect(terminated).toBeGreaterThan(0);
    expect(statuses.length).toBeGreaterThan(12);
    expect(statuses.every((s) => s === 200 || s === 201 || s === 503)).toBe(true);

    // Answers again within seconds (the pool reconnects by itself).
    let healthy = false;
    for (let attempt = 0; attempt < 50 && !healthy; attempt++) {
      healthy = (await t.app.inject({ method: "GET", url: "/healthz" })).statusCode === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    expect((await t.app.inject({ method: "GET", url: `/offres/${offer.id}` })).statusCode).toBe(200);

    // Nothing lost: every accepted push is stored; a refused one succeeds when the partner retries.
    for (const externalId of refused) expect((await push(externalId)).statusCode).toBe(201);
    const stored = await t.db.db
      .selectFrom("offers")
      .select("external_id")
      .where("external_id", "like", "PANNE-%")
      .execute();
    const storedIds = new Set(stored.map((r) => r.external_id));
    for (const externalId of [...accepted, ...refused]) expect(storedIds.has(externalId)).toBe(true);
    expect(storedIds.size).toBe(accepted.length + refused.length);
  }, 30_000);
});
