import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import type { OutboxAttachment } from "../db/tables/mail-jobs.js";

type Db = Kysely<Database>;

export interface NewOutboxEmail {
  dedupeKey: string | null;
  template: string;
  to: string;
  replyTo: string | null;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string> | null;
  subject: string;
  html: string;
  text: string;
  attachments: OutboxAttachment[] | null;
  now: Date;
  status: "pending" | "cancelled";
  lastError?: string;
}

/** Inserts an email; returns its id, or null when the dedupe key was already used (sent once only). */
export async function insertEmail(db: Db, email: NewOutboxEmail): Promise<string | null> {
  const row = await db
    .insertInto("outbox_emails")
    .values({
      dedupe_key: email.dedupeKey,
      template: email.template,
      to_address: email.to,
      reply_to: email.replyTo,
      headers: email.headers ? JSON.stringify(email.headers) : null,
      subject: email.subject,
      html: email.html,
      text_body: email.text,
      attachments: email.attachments === null ? null : (JSON.stringify(email.attachments) as never),
      status: email.status,
      next_attempt_at: email.now,
      created_at: email.now,
      last_error: email.lastError ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Inserts many emails in one statement (a scheduled job's batch): suppressed addresses are stored
 * as cancelled in the same statement, dedupe keys already used are skipped. Returns the dedupe keys
 * of the emails stored (null for those without one).
 */
export async function insertEmails(db: Db, emails: NewOutboxEmail[]): Promise<Array<string | null>> {
  if (emails.length === 0) return [];
  const column = <T>(pick: (e: NewOutboxEmail) => T) => emails.map(pick);
  const result = await sql<{ dedupe_key: string | null }>`
    insert into outbox_emails (dedupe_key, template, to_address, reply_to, headers, subject, html, text_body,
                               status, next_attempt_at, created_at, last_error)
    select e.dedupe_key, e.template, e.to_address, e.reply_to, e.headers::jsonb, e.subject, e.html, e.text_body,
           case when s.address is null then 'pending' else 'cancelled' end,
           e.created_at, e.created_at,
           case when s.address is null then null else 'adresse bloquée : ' || s.reason end
    from unnest(${column((e) => e.dedupeKey)}::text[], ${column((e) => e.template)}::text[],
                ${column((e) => e.to)}::text[], ${column((e) => e.replyTo)}::text[],
                ${column((e) => (e.headers ? JSON.stringify(e.headers) : null))}::text[],
                ${column((e) => e.subject)}::text[], ${column((e) => e.html)}::text[], ${column((e) => e.text)}::text[],
                ${column((e) => e.now.toISOString())}::timestamptz[])
         as e(dedupe_key, template, to_address, reply_to, headers, subject, html, text_body, created_at)
    left join email_suppressions s on s.address = e.to_address
    on conflict (dedupe_key) do nothing
    returning dedupe_key
  `.execute(db);
  return result.rows.map((r) => r.dedupe_key);
}

export async function isSuppressed(db: Db, address: string): Promise<string | null> {
  const row = await db
    .selectFrom("email_suppressions")
    .select("reason")
    .where("address", "=", address)
    .executeTakeFirst();
  return row?.reason ?? null;
}

export async function suppressAddress(db: Db, address: string, reason: string): Promise<void> {
  await db
    .insertInto("email_suppressions")
    .values({ address, reason })
    .onConflict((oc) => oc.column("address").doNothing())
    .execute();
}

/**
 * Claims due emails for this sender: a claim lasts `leaseMs`, so an instance that dies mid-send
 * releases its emails to the others; SKIP LOCKED lets several instances work side by side.
 */
export async function claimDueEmails(db: Db, now: Date, leaseMs: number, limit: number) {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<{
    id: string;
    to_address: string;
    reply_to: string | null;
    headers: Record<string, string> | null;
    subject: string;
    html: string;
    text_body: string;
    attachments: OutboxAttachment[] | null;
    attempts: number;
    template: string;
  }>`
    update outbox_emails set status = 'sending', claimed_until = ${until}, attempts = attempts + 1, data_sent_at = null
    where id in (
      select id from outbox_emails
      where (status = 'pending' and next_attempt_at <= ${now})
         or (status = 'sending' and claimed_until < ${now} and data_sent_at is null)
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id, to_address, reply_to, headers, subject, html, text_body, attachments, attempts, template
  `.execute(db);
  return result.rows;
}

export async function markSent(
  db: Db,
  id: string,
  now: Date,
  transport: string,
  messageId: string | null,
): Promise<void> {
  await db
    .updateTable("outbox_emails")
    .set({ status: "sent", sent_at: now, transport, message_id: messageId, claimed_until: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** The whole message has been handed to the SMTP server; its answer is awaited (ADR 010). */
export async function markDataSent(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable("outbox_emails").set({ data_sent_at: now }).where("id", "=", id).execute();
}

/** The server may or may not have accepted the message: kept aside, never claimed again by itself. */
export async function markUnknown(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("outbox_emails")
    .set({ status: "unknown", claimed_until: null, last_error: `issue inconnue : ${error}` })
    .where("id", "=", id)
    .execute();
}

/** Emails whose sender stopped after their data was sent and before the answer: outcome unknown. */
export async function markAbandonedAsUnknown(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable("outbox_emails")
    .set({
      status: "unknown",
      claimed_until: null,
      last_error: "issue inconnue : l'envoi s'est interrompu avant la réponse du serveur",
    })
    .where("status", "=", "sending")
    .where("claimed_until", "<", now)
    .where("data_sent_at", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An operator's decision to send again emails whose outcome is unknown (same Message-ID). */
export async function resendUnknown(db: Db, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("outbox_emails")
    .set({ status: "pending", next_attempt_at: now, data_sent_at: null })
    .where("status", "=", "unknown")
    .where("id", "in", ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Emails whose outcome is unknown, oldest first. */
export async function listUnknown(db: Db) {
  return db
    .selectFrom("outbox_emails")
    .select(["id", "to_address", "subject", "template", "attempts", "data_sent_at", "last_error"])
    .where("status", "=", "unknown")
    .orderBy("created_at")
    .execute();
}

export async function markRetry(db: Db, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .updateTable("outbox_emails")
    .set({ status: "pending", next_attempt_at: nextAttemptAt, claimed_until: null, last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("outbox_emails")
    .set({ status: "failed", claimed_until: null, last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function listRecentEmails(db: Db, limit: number) {
  return db
    .selectFrom("outbox_emails")
    .select(["id", "to_address", "subject", "template", "status", "attempts", "created_at", "sent_at", "last_error"])
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

export async function findEmail(db: Db, id: string) {
  return db.selectFrom("outbox_emails").selectAll().where("id", "=", id).executeTakeFirst();
}
