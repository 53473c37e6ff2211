import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

type Db = Kysely<Database>;

export async function insertMagicLink(
  db: Db,
  link: {
    tokenHash: string;
    userId: string;
    purpose: "sign_in" | "confirm_email";
    redirectTo: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  await db
    .insertInto("magic_links")
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      purpose: link.purpose,
      redirect_to: link.redirectTo,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute();
}

export async function countRecentMagicLinks(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("magic_links")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Uses a link atomically: the first caller gets it, a second (double click, replay) gets nothing. */
export async function consumeMagicLink(db: Db, tokenHash: string, now: Date) {
  return db
    .updateTable("magic_links")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["user_id", "purpose", "redirect_to"])
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: string;
    now: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
) {
  return db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
      ip: session.ip,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "s.last_seen_at", "u.role", "u.opco_id", "u.disabled_at"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .execute();
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: Date) {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
