import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db/connection.js";
import { createApiKey, revokeApiKey } from "../src/modules/diffusion/api-keys.js";
import { withDatabaseName } from "./template.js";
import { createTestApp, type TestApp } from "./test-app.js";
import { createTestDatabase } from "./test-database.js";

// Two instances of the service on one PostgreSQL database, as behind a load balancer (ADR 010):
// one rate limit for both, and a key revoked anywhere refused by both at once. PGlite is one process
// with its own files: two instances cannot share it, so this file runs only with DATABASE_URL
// (.ci/run runs the suite a second time on PostgreSQL).

const template = inject("databaseTemplate");
const onPostgres = template.engine === "postgres";

describe.skipIf(!onPostgres)(
  "two instances on one PostgreSQL database (skipped on PGlite: it cannot be shared by two processes)",
  () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      if (template.engine !== "postgres") return;
      const first = await createTestDatabase();
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(first.db);
      const second = await openDatabase({
        databaseUrl: withDatabaseName(template.adminUrl, rows[0]?.name as string),
        purpose: "test",
        poolSize: 3,
      });
      a = await createTestApp({ db: first, config: { rateLimitPerMinute: 4 } });
      b = await createTestApp({ db: second, config: { rateLimitPerMinute: 4 } });
    }, 120_000);

    afterAll(async () => {
      await b?.close(); // first: the database is dropped when `a` closes
      await a?.close();
    });

    it("count one rate limit for a client whichever instance answers", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const instance = i % 2 === 0 ? a : b;
        statuses.push(
          (await instance.app.inject({ url: "/api/v1/site-info", remoteAddress: "203.0.113.50" })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      // Another client is not affected, on either instance.
      expect((await b.app.inject({ url: "/api/v1/site-info", remoteAddress: "203.0.113.51" })).statusCode).toBe(200);
    });

    it("refuse a revoked key on both instances at once, though each had it in its cache", async () => {
      const { key } = await createApiKey(a.db.db, { name: "partenaire-deux-instances", scopes: ["offers:read"] });
      const call = (instance: TestApp) =>
        instance.app.inject({
          method: "GET",
          url: "/api/v1/offers",
          headers: { authorization: `Bearer ${key}` },
          remoteAddress: "203.0.113.60",
        });
      for (const instance of [a, b, a, b]) expect((await call(instance)).statusCode).toBe(200);
      expect(await revokeApiKey(a.db.db, "partenaire-deux-instances", a.clock.now())).toBe(true);
      // Well within the old 10 s cache: the notification takes milliseconds to reach each instance.
      const started = Date.now();
      await expect.poll(async () => (await call(b)).statusCode, { timeout: 2_000, interval: 20 }).toBe(401);
      await expect.poll(async () => (await call(a)).statusCode, { timeout: 2_000, interval: 20 }).toBe(401);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await call(b)).json().error.code).toBe("API_KEY_INVALID");
    });
  },
);
