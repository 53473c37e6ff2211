import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { OfferEventName } from "../../db/tables/diffusion.js";
import type { Clock } from "../../lib/clock.js";
import { presentPublicOffer } from "../offers/presenter.js";
import * as offers from "../offers/shared-service.js";
import { postPinned } from "./webhook-http.js";
import { signWebhook } from "./webhook-signature.js";
import { checkWebhookTarget, type HostResolver } from "./webhook-url.js";
import * as repo from "./webhooks-repository.js";

/** Deliveries are retried with a doubling delay (1 min, 2, 4 … capped at 2 h) for 24 h. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** Deliveries in flight at once for one partner key: a partner with slow endpoints only slows itself. */
export const PER_PARTNER_CONCURRENCY = 4;
/** Deliveries claimed per round, across partners (sent concurrently). */
const BATCH = 50;

export function retryDelayMs(attempts: number): number {
  return Math.min(2 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export interface WebhookLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Turns logged offer changes into signed HTTP deliveries for the partners that subscribed, and sends
 * them. Everything lives in the database (offer_events → webhook_deliveries), so nothing is lost when
 * the process stops; claims expire so another instance picks up what a dead one held.
 */
export class WebhookWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<{ created: number; delivered: number; failed: number }> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly log: WebhookLog,
    /** Where deliveries may go (checked again before each one: DNS may have changed since registration). */
    private readonly target: {
      env: Config["env"];
      resolveHost?: HostResolver | undefined;
      /** How often leases of a round in flight are renewed (tests shorten it). */
      leaseRenewMs?: number;
    } = { env: "production" },
  ) {}

  /** Creates deliveries for new events, then sends every due delivery. */
  flush() {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  start(intervalMs = 5_000): void {
    this.#timer ??= setInterval(() => {
      this.flush().catch((error) => this.log.error({ err: error }, "webhook worker failed"));
    }, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => {});
  }

  async #run() {
    const created = await this.#dispatch();
    const { delivered, failed } = await this.#send();
    return { created, delivered, failed };
  }

  /** Fans new offer events out to the webhooks subscribed to them (cursor row locked: one dispatcher at a time). */
  async #dispatch(): Promise<number> {
    let created = 0;
    for (;;) {
      const batch = await this.db.transaction().execute(async (trx) => {
        const cursor = await repo.lockDispatcherCursor(trx);
        const events = await repo.offerEventsAfter(trx, cursor.last_event_id, 500);
        if (events.length === 0) return 0;
        const hooks = await repo.subscribedWebhooks(trx);
        const now = this.clock.now();
        for (const event of events) {
          const targets = hooks.filter((h) => h.events.includes(event.event as OfferEventName));
          if (targets.length === 0) continue;
          const offer = await offers.findOffer(trx, event.offer_id);
          if (!offer) continue;
          const payload = JSON.stringify({
            event: event.event,
            occurredAt: new Date(event.created_at).toISOString(),
            offer: presentPublicOffer(offer, this.publicUrl),
          });
          for (const hook of targets) {
            await repo.insertDelivery(trx, {
              webhookId: hook.id,
              offerEventId: event.id,
              event: event.event,
              payload,
              now,
            });
            created++;
          }
        }
        await repo.moveDispatcherCursor(trx, events[events.length - 1]?.id ?? cursor.last_event_id);
        return events.length;
      });
      if (batch < 500) return created;
    }
  }

  async #send(): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    let failed = 0;
    for (;;) {
      const claimed = await this.#claim();
      if (claimed.length === 0) return { delivered, failed };
      // The lease is renewed while the round runs, so a slow round is never picked up (and sent
      // again) by another instance.
      const renew = setInterval(
        () => {
          this.#renewLeases(claimed.map((d) => d.id)).catch((error) =>
            this.log.warn({ err: error }, "webhook lease renewal failed"),
          );
        },
        this.target.leaseRenewMs ?? LEASE_MS / 3,
      );
      renew.unref();
      try {
        const outcomes = await Promise.all(claimed.map((d) => this.#deliver(d)));
        delivered += outcomes.filter((o) => o === "delivered").length;
        failed += outcomes.filter((o) => o === "failed").length;
      } finally {
        clearInterval(renew);
      }
    }
  }

  /**
   * Claims due deliveries, at most PER_PARTNER_CONCURRENCY per partner key, so that every partner's
   * deliveries go out in the same round, concurrently.
   */
  async #claim() {
    const now = this.clock.now();
    return repo.claimDueDeliveries(this.db, {
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      perPartner: PER_PARTNER_CONCURRENCY,
      batch: BATCH,
    });
  }

  async #renewLeases(ids: string[]): Promise<void> {
    await repo.renewDeliveryLeases(this.db, ids, new Date(this.clock.now().getTime() + LEASE_MS));
  }

  async #deliver(d: repo.ClaimedDelivery): Promise<"delivered" | "retry" | "failed"> {
    const body = typeof d.payload === "string" ? d.payload : JSON.stringify(d.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const [address] = await checkWebhookTarget(d.url, this.target, this.target.resolveHost);
      status = await postPinned(d.url, address as string, {
        headers: {
          "content-type": "application/json",
          "user-agent": "Tremplin-Webhooks/1.0",
          "x-tremplin-event": d.event,
          "x-tremplin-delivery": d.id,
          "x-tremplin-signature": signWebhook(d.secret, body, this.clock.now()),
        },
        body,
        timeoutMs: TIMEOUT_MS,
      });
    } catch (e) {
      error = (e as Error).message;
    }
    const at = this.clock.now();
    if (status !== null && status >= 200 && status < 300) {
      await repo.markDeliveryDelivered(this.db, d.id, at, status);
      return "delivered";
    }
    const next = new Date(at.getTime() + retryDelayMs(d.attempts));
    const gaveUp = next.getTime() - new Date(d.created_at).getTime() > RETRY_WINDOW_MS;
    await repo.markDeliveryAttemptFailed(this.db, d.id, {
      gaveUp,
      nextAttemptAt: next,
      statusCode: status,
      error: error ?? `HTTP ${status}`,
    });
    if (!gaveUp) return "retry";
    this.log.error({ deliveryId: d.id, url: d.url }, "webhook delivery given up after 24 h");
    return "failed";
  }
}
