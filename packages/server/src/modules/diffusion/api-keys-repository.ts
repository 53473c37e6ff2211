import type { ApiScope } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

type Db = Kysely<Database>;

/** Stores a new partner key (its hash, never the key itself). */
export async function insertApiKey(
  db: Db,
  key: { name: string; keyHash: string; keyPrefix: string; scopes: ApiScope[]; ratePerMinute: number },
) {
  return db
    .insertInto("api_keys")
    .values({
      name: key.name,
      key_hash: key.keyHash,
      key_prefix: key.keyPrefix,
      scopes: key.scopes,
      rate_per_minute: key.ratePerMinute,
    })
    .returning(["id", "name", "scopes", "rate_per_minute"])
    .executeTakeFirstOrThrow();
}

/** Revokes the key of that name if it is not already; true when one was revoked. */
export async function revokeApiKeyByName(db: Db, name: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: now })
    .where("name", "=", name)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listApiKeys(db: Db) {
  return db.selectFrom("api_keys").selectAll().orderBy("created_at").execute();
}

export async function findApiKeyByName(db: Db, name: string) {
  return db.selectFrom("api_keys").selectAll().where("name", "=", name).executeTakeFirst();
}

/** The unrevoked key with that hash, or undefined. */
export async function findActiveApiKeyByHash(db: Db, keyHash: string) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "scopes", "rate_per_minute"])
    .where("key_hash", "=", keyHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function recordApiKeyUse(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: at }).where("id", "=", id).execute();
}
