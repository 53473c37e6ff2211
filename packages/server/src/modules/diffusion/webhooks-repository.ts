import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { OfferEventName } from "../../db/tables/diffusion.js";

type Db = Kysely<Database>;

// Partner webhooks (registration, listing, removal).

export async function countActiveWebhooksOfKey(db: Db, apiKeyId: string): Promise<number> {
  const active = await db
    .selectFrom("webhooks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(active.n);
}

export async function insertWebhook(
  db: Db,
  webhook: { apiKeyId: string; url: string; events: OfferEventName[]; secret: string },
) {
  return db
    .insertInto("webhooks")
    .values({ api_key_id: webhook.apiKeyId, url: webhook.url, events: webhook.events, secret: webhook.secret })
    .returning(["id", "url", "events", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function listActiveWebhooksOfKey(db: Db, apiKeyId: string) {
  return db
    .selectFrom("webhooks")
    .select(["id", "url", "events", "created_at"])
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .orderBy("created_at")
    .execute();
}

/** Disables the key's active webhook; false when it has none with that id. */
export async function disableWebhook(db: Db, apiKeyId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("webhooks")
    .set({ disabled_at: now })
    .where("id", "=", id)
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Dispatch: offer events fanned out to deliveries (the worker).

/** The dispatcher's position in offer_events, its row locked until the transaction ends (one dispatcher at a time). */
export async function lockDispatcherCursor(trx: Db) {
  return trx
    .selectFrom("webhook_cursors")
    .select("last_event_id")
    .where("name", "=", "dispatcher")
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function moveDispatcherCursor(trx: Db, lastEventId: number): Promise<void> {
  await trx
    .updateTable("webhook_cursors")
    .set({ last_event_id: lastEventId })
    .where("name", "=", "dispatcher")
    .execute();
}

/** Offer events after that id, in order. */
export async function offerEventsAfter(trx: Db, afterId: number, limit: number) {
  return trx.selectFrom("offer_events").selectAll().where("id", ">", afterId).orderBy("id").limit(limit).execute();
}

/** Webhooks that receive deliveries: not disabled, their partner key not revoked. */
export async function subscribedWebhooks(trx: Db) {
  return trx
    .selectFrom("webhooks as w")
    .innerJoin("api_keys as k", "k.id", "w.api_key_id")
    .select(["w.id", "w.events"])
    .where("w.disabled_at", "is", null)
    .where("k.revoked_at", "is", null)
    .execute();
}

/** A delivery due now; an event already fanned out to that webhook is left as it is. */
export async function insertDelivery(
  trx: Db,
  delivery: { webhookId: string; offerEventId: number; event: OfferEventName; payload: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("webhook_deliveries")
    .values({
      webhook_id: delivery.webhookId,
      offer_event_id: delivery.offerEventId,
      event: delivery.event,
      payload: delivery.payload,
      next_attempt_at: delivery.now,
      created_at: delivery.now,
    })
    .onConflict((oc) => oc.columns(["webhook_id", "offer_event_id"]).doNothing())
    .execute();
}

// Sending: claims with a lease, renewals, outcomes.

export interface ClaimedDelivery {
  id: string;
  url: string;
  secret: string;
  event: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

/**
 * Claims due deliveries (pending and due, or sending with an expired lease), at most `perPartner`
 * per partner key and `batch` in all, oldest due first; rows another instance holds are skipped.
 * Each claimed one is 'sending' until `leaseUntil`, its attempts counted.
 */
export async function claimDueDeliveries(
  db: Db,
  options: { now: Date; leaseUntil: Date; perPartner: number; batch: number },
): Promise<ClaimedDelivery[]> {
  const { now, leaseUntil, perPartner, batch } = options;
  const claimed = await sql<ClaimedDelivery>`
      update webhook_deliveries d set status = 'sending', claimed_until = ${leaseUntil}, attempts = d.attempts + 1
      from webhooks w
      where w.id = d.webhook_id and d.id in (
        select id from webhook_deliveries where id in (
          select id from (
            select d2.id, row_number() over (partition by w2.api_key_id order by d2.next_attempt_at, d2.id) as n
            from webhook_deliveries d2 join webhooks w2 on w2.id = d2.webhook_id
            where (d2.status = 'pending' and d2.next_attempt_at <= ${now}) or (d2.status = 'sending' and d2.claimed_until < ${now})
          ) ranked where n <= ${perPartner}
        )
        order by next_attempt_at limit ${batch} for update skip locked
      )
      returning d.id, w.url, w.secret, d.event, d.payload, d.attempts, d.created_at
    `.execute(db);
  return claimed.rows;
}

/** Extends the lease of deliveries still being sent. */
export async function renewDeliveryLeases(db: Db, ids: string[], leaseUntil: Date): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({ claimed_until: leaseUntil })
    .where("id", "in", ids)
    .where("status", "=", "sending")
    .execute();
}

export async function markDeliveryDelivered(db: Db, id: string, at: Date, statusCode: number): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({ status: "delivered", delivered_at: at, last_status_code: statusCode, last_error: null, claimed_until: null })
    .where("id", "=", id)
    .execute();
}

/** A failed attempt: tried again at `nextAttemptAt`, or given up (`failed`). */
export async function markDeliveryAttemptFailed(
  db: Db,
  id: string,
  outcome: { gaveUp: boolean; nextAttemptAt: Date; statusCode: number | null; error: string },
): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({
      status: outcome.gaveUp ? "failed" : "pending",
      next_attempt_at: outcome.nextAttemptAt,
      claimed_until: null,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
    })
    .where("id", "=", id)
    .execute();
}
