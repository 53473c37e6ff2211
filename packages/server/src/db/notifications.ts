import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface NotificationHandlers {
  /** A NOTIFY on the channel, with its payload. */
  onNotify(payload: string): void;
  /**
   * Notifications may have been missed (the listening connection was lost, or has just been
   * re-opened): whatever they keep fresh must be dropped.
   */
  onGap(): void;
}

export interface Subscription {
  /** True while notifications are being received: a cache may rely on them only then. */
  readonly live: boolean;
  close(): Promise<void>;
}

/** PGlite: one process, its notifications are delivered in-process; never interrupted. */
export async function listenPglite(
  pglite: PGlite,
  channel: string,
  handlers: NotificationHandlers,
): Promise<Subscription> {
  const unsubscribe = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
  return {
    live: true,
    close: async () => {
      if (!pglite.closed) await unsubscribe();
    },
  };
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * PostgreSQL: a dedicated connection (outside the pool: a pooled client is shared and LISTEN is per
 * session) that listens, and comes back after a restart or failover with a growing delay. While it
 * is down `live` is false, and on each loss and each return the subscriber is told of the gap.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
): Promise<Subscription> {
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let delay = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  // Called by the failing client itself (its "error" and "end" may both fire: the second is ignored).
  const lost = (failed: pg.Client) => {
    if (closed || failed !== client) return;
    if (live) handlers.onGap();
    live = false;
    client = undefined;
    failed.removeAllListeners("notification");
    failed.end().catch(() => {});
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client = next;
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    try {
      await next.connect();
      next.on("notification", (message) => {
        if (message.channel === channel) handlers.onNotify(message.payload ?? "");
      });
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      lost(next);
      return;
    }
    if (closed || client !== next) return;
    live = true;
    delay = RETRY_MIN_MS;
    handlers.onGap();
  };

  await connect();
  return {
    get live() {
      return live;
    },
    close: async () => {
      closed = true;
      live = false;
      if (timer) clearTimeout(timer);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on("error", () => {});
      await last?.end().catch(() => {});
    },
  };
}
