import type { ApiKeyRequestStatus } from "@tremplin/core";
import type { Insertable, Kysely, Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import type { ApiKeyRequestsTable, ContactMessagesTable } from "../../db/tables/contact.js";

type Db = Kysely<Database>;

export async function insertMessage(db: Db, row: Insertable<ContactMessagesTable>): Promise<string> {
  return (await db.insertInto("contact_messages").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

export async function insertKeyRequest(db: Db, row: Insertable<ApiKeyRequestsTable>): Promise<string> {
  return (await db.insertInto("api_key_requests").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

const requestColumns = [
  "r.id",
  "r.status",
  "r.created_at",
  "r.decided_at",
  "r.scopes",
  "r.api_key_id",
  "m.name",
  "m.email",
  "m.organisation",
  "m.message",
  "k.name as key_name",
] as const;

function requests(db: Db) {
  return db
    .selectFrom("api_key_requests as r")
    .innerJoin("contact_messages as m", "m.id", "r.contact_message_id")
    .leftJoin("api_keys as k", "k.id", "r.api_key_id")
    .select(requestColumns);
}
export type KeyRequestRow = Awaited<ReturnType<typeof findKeyRequest>> & {};

export async function listKeyRequests(db: Db, status: ApiKeyRequestStatus, limit: number) {
  return requests(db).where("r.status", "=", status).orderBy("r.created_at").orderBy("r.id").limit(limit).execute();
}

export async function findKeyRequest(db: Db, id: string) {
  return requests(db).where("r.id", "=", id).executeTakeFirst();
}

/** Locks the request for a decision; undefined when unknown. */
export async function lockKeyRequest(db: Db, id: string) {
  return db.selectFrom("api_key_requests").select(["id", "status"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateKeyRequest(db: Db, id: string, changes: Updateable<ApiKeyRequestsTable>) {
  await db.updateTable("api_key_requests").set(changes).where("id", "=", id).execute();
}

/** Whether an API key already bears this name (names are unique in api_keys). */
export async function apiKeyNameTaken(db: Db, name: string): Promise<boolean> {
  return (await db.selectFrom("api_keys").select("id").where("name", "=", name).executeTakeFirst()) !== undefined;
}
