import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Clock } from "../lib/clock.js";
import * as outbox from "./outbox-repository.js";
import { type MailTransport, PermanentMailError, UncertainDeliveryError } from "./transport.js";

/** Waits between attempts: a minute, then longer, for about a day in all. */
export const RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
];
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export interface SenderLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FlushResult {
  sent: number;
  retried: number;
  failed: number;
  /** Sent, but whether the server accepted them is unknown: left for an operator (mail:resend). */
  unknown: number;
}

/**
 * Sends what the outbox holds. `flush()` sends everything due now (tests and jobs call it);
 * `start()` also polls, so retries happen and a crash between storing and sending loses nothing.
 */
export class MailSender {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<FlushResult> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly publicHost: string,
    private readonly log: SenderLog,
  ) {}

  get transportName(): string {
    return this.transport.name;
  }

  /** Sends every due email; concurrent calls share one run (and trigger one more if needed). */
  flush(): Promise<FlushResult> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        // Nobody awaits this run: its failure (database gone, connection cut) is logged, never
        // left as an unhandled rejection that would end the process.
        if (!this.#stopped) this.#flushInBackground();
      }
    });
    return this.#running;
  }

  /** Sends soon, without making the caller wait (after a request stored an email). */
  kick(): void {
    setImmediate(() => {
      if (!this.#stopped) this.#flushInBackground();
    });
  }

  #flushInBackground(): void {
    this.flush().catch((error) => this.log.error({ err: error }, "mail sender failed"));
  }

  start(intervalMs = 5_000): void {
    this.#timer ??= setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
    this.kick();
  }

  /** After stop, kicks and pending re-runs do nothing: the database may be closed next. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    while (this.#running) await this.#running.catch(() => {});
    this.transport.close();
  }

  async #drain(): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, retried: 0, failed: 0, unknown: 0 };
    // An instance that died between the end of a message's data and the server's answer left it
    // « sending » with data_sent_at: the server may have it, so it is not claimed again.
    const abandoned = await outbox.markAbandonedAsUnknown(this.db, this.clock.now());
    if (abandoned > 0) this.log.error({ count: abandoned }, "emails left in doubt by a stopped sender (mail:resend)");
    result.unknown += abandoned;
    for (;;) {
      const batch = await outbox.claimDueEmails(this.db, this.clock.now(), LEASE_MS, BATCH);
      if (batch.length === 0) return result;
      for (const email of batch) {
        try {
          const { messageId } = await this.transport.send(
            {
              from: this.from,
              to: email.to_address,
              replyTo: email.reply_to,
              headers: email.headers ?? {},
              subject: email.subject,
              html: email.html,
              text: email.text_body,
              messageId: `<${email.id}@${this.publicHost}>`,
              attachments: email.attachments ?? [],
            },
            // Recorded before the server can accept the message: a crash from here on leaves a
            // trace instead of a silent second sending.
            { beforeDataEnd: () => outbox.markDataSent(this.db, email.id, this.clock.now()) },
          );
          await outbox.markSent(this.db, email.id, this.clock.now(), this.transport.name, messageId);
          result.sent++;
        } catch (error) {
          const message = (error as Error).message;
          const delay = RETRY_DELAYS_MS[email.attempts - 1];
          if (error instanceof UncertainDeliveryError) {
            await outbox.markUnknown(this.db, email.id, message);
            this.log.error(
              { emailId: email.id, to: email.to_address },
              "email may or may not have been accepted by the SMTP server: not resent automatically (mail:resend)",
            );
            result.unknown++;
          } else if (error instanceof PermanentMailError) {
            // The receiving server refused the address for good: stop writing to it.
            await outbox.markFailed(this.db, email.id, message);
            await outbox.suppressAddress(this.db, email.to_address, `rejet définitif : ${message}`);
            this.log.warn({ emailId: email.id, to: email.to_address }, "email refused permanently, address suppressed");
            result.failed++;
          } else if (delay === undefined) {
            await outbox.markFailed(this.db, email.id, message);
            this.log.error({ emailId: email.id, attempts: email.attempts }, "email given up after all retries");
            result.failed++;
          } else {
            await outbox.markRetry(this.db, email.id, new Date(this.clock.now().getTime() + delay), message);
            this.log.warn({ emailId: email.id, attempts: email.attempts, err: message }, "email will be retried");
            result.retried++;
          }
        }
      }
    }
  }
}
