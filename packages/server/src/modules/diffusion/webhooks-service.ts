import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { OfferEventName } from "../../db/tables/diffusion.js";
import { AppError } from "../../lib/app-error.js";
import { checkWebhookTarget, type HostResolver } from "./webhook-url.js";

type Db = Kysely<Database>;

/** A partner key holds at most this many active webhooks (each delivery costs a request). */
export const MAX_WEBHOOKS_PER_KEY = 10;

const present = (w: { id: string; url: string; events: OfferEventName[]; created_at: Date }) => ({
  id: w.id,
  url: w.url,
  events: w.events,
  createdAt: new Date(w.created_at).toISOString(),
});

/** Registers a webhook for a partner key; returns its secret once. */
export async function createWebhook(
  db: Db,
  config: Pick<Config, "env">,
  apiKeyId: string,
  url: string,
  events: OfferEventName[],
  resolve?: HostResolver,
) {
  await checkWebhookTarget(url, config, resolve);
  const active = await db
    .selectFrom("webhooks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(active.n) >= MAX_WEBHOOKS_PER_KEY) throw new AppError("WEBHOOK_LIMIT_REACHED");
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await db
    .insertInto("webhooks")
    .values({ api_key_id: apiKeyId, url, events: [...new Set(events)], secret })
    .returning(["id", "url", "events", "created_at"])
    .executeTakeFirstOrThrow();
  return { ...present(row), secret };
}

export async function listWebhooks(db: Db, apiKeyId: string) {
  const rows = await db
    .selectFrom("webhooks")
    .select(["id", "url", "events", "created_at"])
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .orderBy("created_at")
    .execute();
  return { items: rows.map(present) };
}

export async function deleteWebhook(db: Db, apiKeyId: string, id: string, now: Date): Promise<void> {
  const result = await db
    .updateTable("webhooks")
    .set({ disabled_at: now })
    .where("id", "=", id)
    .where("api_key_id", "=", apiKeyId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError("WEBHOOK_NOT_FOUND");
}
