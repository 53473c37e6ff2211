import { type Kysely, sql } from "kysely";

/** Emails may name who a reply goes to (a recruiter answering a candidate by replying). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_emails add column reply_to text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_emails drop column reply_to`.execute(db);
}
