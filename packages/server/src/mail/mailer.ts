import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { OutboxAttachment } from "../db/tables/mail-jobs.js";
import type { Clock } from "../lib/clock.js";
import * as outbox from "./outbox-repository.js";
import type { MailSender } from "./sender.js";
import { type TemplateData, type TemplateName, templates } from "./templates/index.js";

export interface EmailRequest<N extends TemplateName> {
  to: string;
  /** Where a reply goes (the candidate, for an application sent to a recruiter). */
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe for the alerts (RFC 8058). */
  headers?: Record<string, string>;
  template: N;
  data: TemplateData<N>;
  /** Same key twice → the second is ignored: reminders, digests and answers are sent once. */
  dedupeKey?: string;
  attachments?: OutboxAttachment[];
}

/**
 * What services use to send email. `enqueue` writes to the outbox with the caller's database handle
 * (pass the transaction, so the email exists if and only if what caused it was committed);
 * the sender delivers it afterwards.
 */
export class Mailer {
  constructor(
    private readonly clock: Clock,
    private readonly publicUrl: string,
    readonly sender: MailSender,
  ) {}

  /** Stores the rendered email; returns its id, or null if deduplicated. Suppressed addresses are stored as cancelled. */
  async enqueue<N extends TemplateName>(db: Kysely<Database>, request: EmailRequest<N>): Promise<string | null> {
    const to = request.to.trim().toLowerCase();
    const rendered = this.#render(request);
    const suppressed = await outbox.isSuppressed(db, to);
    return outbox.insertEmail(db, {
      dedupeKey: request.dedupeKey ?? null,
      template: request.template,
      to,
      replyTo: request.replyTo?.trim().toLowerCase() ?? null,
      headers: request.headers ?? null,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: request.attachments ?? null,
      now: this.clock.now(),
      status: suppressed ? "cancelled" : "pending",
      ...(suppressed ? { lastError: `adresse bloquée : ${suppressed}` } : {}),
    });
  }

  /**
   * Stores many emails in one statement (a job's batch: alerts:send queues tens of thousands).
   * Same rules as enqueue: rendered now, suppressed addresses cancelled, dedupe keys honoured.
   * Returns the dedupe keys of the emails stored (those already used were skipped).
   */
  async enqueueMany<N extends TemplateName>(
    db: Kysely<Database>,
    requests: EmailRequest<N>[],
  ): Promise<Array<string | null>> {
    const now = this.clock.now();
    return outbox.insertEmails(
      db,
      requests.map((request) => {
        const rendered = this.#render(request);
        return {
          dedupeKey: request.dedupeKey ?? null,
          template: request.template,
          to: request.to.trim().toLowerCase(),
          replyTo: request.replyTo?.trim().toLowerCase() ?? null,
          headers: request.headers ?? null,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          attachments: null,
          now,
          status: "pending" as const,
        };
      }),
    );
  }

  #render<N extends TemplateName>(request: EmailRequest<N>) {
    const render = templates[request.template] as (
      data: TemplateData<N>,
      context: { publicUrl: string },
    ) => {
      subject: string;
      html: string;
      text: string;
    };
    return render(request.data, { publicUrl: this.publicUrl });
  }

  /** Asks the sender to deliver soon (call after the transaction that enqueued has committed). */
  kick(): void {
    this.sender.kick();
  }
}
