import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { type Kysely, sql } from "kysely";
import type { Database } from "./database.js";

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Expired counters are deleted at most this often per instance (they are harmless meanwhile). */
const SWEEP_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit in the `rate_limits` table (migration 0019), so that every
 * instance on one PostgreSQL database counts the same requests: N instances no longer mean N × the
 * limit. A counter's window starts at the key's first request (as the plugin's in-memory store
 * does); reading and bumping is one upsert, atomic under concurrency, timed by the database's clock
 * so that instances whose clocks drift still agree. On PGlite the same table serves the one process.
 *
 * Routes with their own limit get a child store whose keys carry the route, so that a stricter
 * per-route counter (sign-in: 5 a minute) is not the global one. `continueExceeding` and
 * `exponentialBackoff` are not supported (the app uses neither).
 */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = () => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    sql`delete from rate_limits where expires_at < now()`.execute(db).catch(() => {
      lastSweep = 0; // tried again on a later request
    });
  };

  class DatabaseRateLimitStore {
    readonly #namespace: string;

    constructor(_options: unknown, namespace = "") {
      this.#namespace = namespace;
    }

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      sweep();
      sql<{ hits: number; ttl_ms: number }>`
        insert into rate_limits as r (key, hits, expires_at)
        values (${this.#namespace + key}, 1, now() + make_interval(secs => ${timeWindow / 1000}::float8))
        on conflict (key) do update set
          hits = case when r.expires_at > now() then r.hits + 1 else 1 end,
          expires_at = case when r.expires_at > now() then r.expires_at else excluded.expires_at end
        returning hits, greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::int as ttl_ms
      `
        .execute(db)
        .then(({ rows: [row] }) => callback(null, { current: row?.hits ?? 1, ttl: row?.ttl_ms ?? timeWindow }))
        .catch((error: Error) => callback(error));
    }

    read(key: string, callback: StoreCallback): void {
      sql<{ hits: number; ttl_ms: number }>`
        select hits, greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::int as ttl_ms
        from rate_limits where key = ${this.#namespace + key} and expires_at > now()
      `
        .execute(db)
        .then(({ rows: [row] }) => callback(null, { current: row?.hits ?? 0, ttl: row?.ttl_ms ?? 0 }))
        .catch((error: Error) => callback(error));
    }

    /** The plugin's merged options of one route (its types say otherwise: they are not a Fastify route). */
    child(options: { routeInfo?: { method?: unknown; url?: string }; nameSpace?: string }): DatabaseRateLimitStore {
      const route = options.routeInfo?.url
        ? `${String(options.routeInfo.method)} ${options.routeInfo.url}`
        : (options.nameSpace ?? "custom");
      return new DatabaseRateLimitStore(options, `${route}|`);
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
