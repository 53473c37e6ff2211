import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { OfferEventName } from "../../db/tables/diffusion.js";
import { AppError } from "../../lib/app-error.js";
import { checkWebhookTarget, type HostResolver } from "./webhook-url.js";
import * as repo from "./webhooks-repository.js";

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
  if ((await repo.countActiveWebhooksOfKey(db, apiKeyId)) >= MAX_WEBHOOKS_PER_KEY) {
    throw new AppError("WEBHOOK_LIMIT_REACHED");
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await repo.insertWebhook(db, { apiKeyId, url, events: [...new Set(events)], secret });
  return { ...present(row), secret };
}

export async function listWebhooks(db: Db, apiKeyId: string) {
  const rows = await repo.listActiveWebhooksOfKey(db, apiKeyId);
  return { items: rows.map(present) };
}

export async function deleteWebhook(db: Db, apiKeyId: string, id: string, now: Date): Promise<void> {
  if (!(await repo.disableWebhook(db, apiKeyId, id, now))) throw new AppError("WEBHOOK_NOT_FOUND");
}
