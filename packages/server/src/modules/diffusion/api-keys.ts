import { randomBytes } from "node:crypto";
import { type ApiScope, apiScopes } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { DatabaseHandle } from "../../db/connection.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Principal } from "../../lib/principal.js";
import { hashToken } from "../accounts/tokens.js";
import * as repo from "./api-keys-repository.js";

type Db = Kysely<Database>;

export const DEFAULT_KEY_RATE_PER_MINUTE = 600;

/** A new partner key: shown once, stored as a hash; the prefix identifies it in logs and lists. */
export async function createApiKey(db: Db, input: { name: string; scopes: ApiScope[]; ratePerMinute?: number }) {
  for (const scope of input.scopes) {
    if (!apiScopes.includes(scope)) throw new Error(`Portée inconnue : ${scope} (possibles : ${apiScopes.join(", ")})`);
  }
  const prefix = randomBytes(4).toString("hex");
  const key = `tpl_${prefix}_${randomBytes(24).toString("base64url")}`;
  const row = await repo.insertApiKey(db, {
    name: input.name,
    keyHash: hashToken(key),
    keyPrefix: prefix,
    scopes: input.scopes,
    ratePerMinute: input.ratePerMinute ?? DEFAULT_KEY_RATE_PER_MINUTE,
  });
  return { ...row, key };
}

export async function revokeApiKey(db: Db, name: string, now: Date): Promise<boolean> {
  return repo.revokeApiKeyByName(db, name, now);
}

export async function listApiKeys(db: Db) {
  return repo.listApiKeys(db);
}

export async function findApiKeyByName(db: Db, name: string) {
  return repo.findApiKeyByName(db, name);
}

/** last_used_at is written at most once a minute per key, not on every call. */
const TOUCH_EVERY_MS = 60_000;

/**
 * How long a valid key is trusted without asking the database again, while this instance hears of
 * key changes (LISTEN/NOTIFY, below). Partners call in bursts (sync, search): a look-up per request
 * was a round trip of every call (bench/README.md, « search »). A revocation empties the cache of
 * every instance at once; this delay only bounds the damage of a notification that never came.
 */
export const API_KEY_CACHE_MS = 5 * 60_000;

/** The channel the api_keys trigger (migration 0019) notifies on any revocation, deletion or change. */
const API_KEYS_CHANNEL = "api_keys_changed";

/** Whether a key cache may be trusted now, and a way to learn that it must be emptied. */
export interface ApiKeyChanges {
  readonly live: boolean;
  onChange(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Listens for key changes on the database. On PostgreSQL every instance hears every revocation,
 * whoever made it (an admin route, the CLI, psql); while the listening connection is down the cache
 * is not used at all, so a revoked key is refused on its next call on every instance.
 */
export async function watchApiKeyChanges(
  db: Pick<DatabaseHandle, "listen">,
  log: { warn(obj: object, msg: string): void },
): Promise<ApiKeyChanges> {
  const listeners: Array<() => void> = [];
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const subscription = await db.listen(API_KEYS_CHANNEL, {
    onNotify: notify,
    onGap: () => {
      log.warn({}, "API key change notifications interrupted or resumed: key cache emptied");
      notify();
    },
  });
  return {
    get live() {
      return subscription.live;
    },
    onChange: (listener) => listeners.push(listener),
    close: () => subscription.close(),
  };
}

/**
 * The partner behind `Authorization: Bearer <key>`. A header that names no valid key is an error
 * (401 API_KEY_INVALID), never a silent anonymous call: the partner must learn their key is wrong.
 * Unknown keys are never cached (a revoked or mistyped key is asked about every time); valid ones
 * only while `changes` is live (without it, every call asks the database).
 */
export function apiKeyResolver(db: Db, clock: Clock, changes?: ApiKeyChanges) {
  const trusted = new Map<string, { principal: Principal; until: number }>();
  changes?.onChange(() => trusted.clear());
  // When this app last wrote each key's last_used_at (key id → epoch ms); one entry per partner key.
  const touched = new Map<string, number>();
  return async (authorization: string): Promise<Principal> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new AppError("API_KEY_INVALID");
    const hash = hashToken(match[1]);
    const cached = changes?.live ? trusted.get(hash) : undefined;
    if (cached && cached.until > clock.now().getTime()) return cached.principal;
    const key = await repo.findActiveApiKeyByHash(db, hash);
    if (!key) {
      trusted.delete(hash);
      throw new AppError("API_KEY_INVALID");
    }
    const now = clock.now().getTime();
    if (now - (touched.get(key.id) ?? 0) > TOUCH_EVERY_MS) {
      touched.set(key.id, now);
      await repo.recordApiKeyUse(db, key.id, new Date(now));
    }
    const principal: Principal = {
      kind: "apiKey",
      apiKeyId: key.id,
      partner: key.name,
      scopes: key.scopes,
      ratePerMinute: key.rate_per_minute,
    };
    // A bounded map: a flood of distinct valid keys cannot grow it (there are few partners).
    if (trusted.size > 1000) trusted.clear();
    if (changes?.live) trusted.set(hash, { principal, until: now + API_KEY_CACHE_MS });
    return principal;
  };
}
