import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { listenPglite, listenPostgres, type NotificationHandlers, type Subscription } from "./notifications.js";
import { acquirePgliteLock } from "./pglite-lock.js";

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes cleanly (PGlite checkpoints and releases its lock). Safe to call twice. */
  close(): Promise<void>;
  /** PGlite only: a gzip tarball of the data directory (used to clone test databases). */
  dump?(): Promise<Blob>;
  /**
   * Subscribes to a NOTIFY channel (db/notifications.ts): every notification of any session on the
   * database (PostgreSQL: every instance; PGlite: this process).
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<Subscription>;
}

export interface OpenOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory parent (the database lives in `<dataDir>/pglite`); "memory" for in-memory. */
  dataDir?: string;
  /** Who opens it, shown to another process that finds the lock. */
  purpose: string;
  /** PGlite only: start from this dumped data directory. */
  loadDataDir?: Blob;
  /** pg pool size. */
  poolSize?: number;
}

// Both engines return the same JS types: int8 and numeric as numbers (counts, scores), dates as
// "YYYY-MM-DD" strings (business dates have no time zone), timestamptz as Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const identity = (v: string) => v;

export const pgliteExtensions = { cube, earthdistance, pg_trgm, unaccent, btree_gist };

/** Opens PGlite (default) or PostgreSQL, with the same Kysely API. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const parsers: Record<number, (v: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: identity };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A request waits at most this long for a connection when the server is down or restarting,
    // then fails (503) instead of hanging until the client gives up.
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection cut by the server (restart, failover, pg_terminate_backend, a test database dropped)
  // emits "error": on the pool when it was idle, on the client itself when it was checked out (the
  // pool's own listener is only there while idle). Unheard, either event crashes the process. The
  // query in flight fails with that error (answered 503, see isDatabaseUnavailable); the pool drops
  // the broken client when it is released and opens another on the next query.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  let closed = false;
  const subscriptions = new Set<Subscription>();
  return {
    db,
    engine: "postgres",
    listen: async (channel, handlers) => {
      const subscription = await listenPostgres(url, channel, handlers);
      subscriptions.add(subscription);
      return subscription;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Listening connections are outside the pool: ended here, or they would hold the database open.
      await Promise.all([...subscriptions].map((s) => s.close()));
      await db.destroy();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const inMemory = !options.dataDir || options.dataDir === "memory";
  let release = () => {};
  let dataDir: string | undefined;
  if (!inMemory && options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquirePgliteLock(path.join(options.dataDir, "pglite.lock"), options.purpose);
    dataDir = path.join(options.dataDir, "pglite");
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: pgliteExtensions,
      parsers: { [NUMERIC]: Number, [DATE]: identity },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    engine: "pglite",
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
      } finally {
        if (!pglite.closed) await pglite.close();
        release();
      }
    },
    dump: () => pglite.dumpDataDir("gzip") as Promise<Blob>,
    listen: (channel, handlers) => listenPglite(pglite, channel, handlers),
  };
}
