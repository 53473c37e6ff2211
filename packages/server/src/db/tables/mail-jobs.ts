import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** Base64 content for small files, or a path in DATA_DIR for large ones. */
  contentBase64?: string;
  path?: string;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  dedupe_key: string | null;
  template: string;
  to_address: string;
  reply_to: string | null;
  /** Extra headers (List-Unsubscribe…), migration 0016. */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  subject: string;
  html: string;
  text_body: string;
  attachments: OutboxAttachment[] | null;
  /** `unknown`: the SMTP server may or may not have accepted it (migration 0019, ADR 010). */
  status: Generated<"pending" | "sending" | "sent" | "failed" | "cancelled" | "unknown">;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  last_error: string | null;
  transport: string | null;
  message_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** Written just before the end of the SMTP DATA phase of the current attempt (migration 0019). */
  data_sent_at: Timestamp | null;
}

export interface EmailSuppressionsTable {
  address: string;
  reason: string;
  created_at: Generated<Date>;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  trigger: "schedule" | "cli" | "test";
  as_of: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: "running" | "succeeded" | "failed" | "skipped";
  summary: unknown | null;
  error: string | null;
}

/** Request counters shared by every instance (http/rate-limit-store.ts, migration 0019). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  expires_at: Timestamp;
}

export interface MailJobTables {
  outbox_emails: OutboxEmailsTable;
  email_suppressions: EmailSuppressionsTable;
  job_runs: JobRunsTable;
  rate_limits: RateLimitsTable;
}
