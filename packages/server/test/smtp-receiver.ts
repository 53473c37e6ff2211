import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  from: string;
  replyTo: string | undefined;
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  attachments: Array<{ filename: string | undefined; contentType: string; size: number; content: Buffer }>;
  /** Every http(s) link of the text version, in order. */
  links: string[];
  /** Header values by lower-case name (List-Unsubscribe…), as text. */
  headers: Record<string, string>;
}

/**
 * A real SMTP server in the test process (smtp-server): the application sends through nodemailer
 * exactly as in production, and tests read what arrived. Addresses can be made to bounce (550) or
 * the whole server to fail temporarily (451), to exercise retries and suppression.
 */
export class SmtpReceiver {
  readonly received: ReceivedEmail[] = [];
  readonly bouncing = new Set<string>();
  temporaryFailures = 0;
  #server: SMTPServer;
  #port = 0;
  #waiters: Array<() => void> = [];

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.bouncing.has(address.address.toLowerCase())) {
          const error = new Error("Boîte aux lettres inconnue") as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        if (this.temporaryFailures > 0) {
          this.temporaryFailures--;
          const error = new Error("Réessayez plus tard") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
              a.value.map((v) => (v.address ?? "").toLowerCase()),
            );
            const text = mail.text ?? "";
            this.received.push({
              to,
              from: mail.from?.text ?? "",
              replyTo: mail.replyTo?.value[0]?.address?.toLowerCase(),
              subject: mail.subject ?? "",
              text,
              html: typeof mail.html === "string" ? mail.html : "",
              messageId: mail.messageId,
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                size: a.size,
                content: a.content,
              })),
              links: [...text.matchAll(/https?:\/\/[^\s<>")]+/g)].map((m) => m[0]),
              headers: Object.fromEntries(
                [...mail.headerLines].map((h) => [
                  h.key,
                  h.line
                    .slice(h.line.indexOf(":") + 1)
                    .replace(/\r?\n[ \t]+/g, "")
                    .trim(),
                ]),
              ),
            });
            for (const wake of this.#waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", () => resolve()));
    this.#port = (this.#server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** Messages sent to this address, oldest first. */
  to(address: string): ReceivedEmail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits (up to `timeoutMs`) until `count` messages have arrived for the address. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedEmail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > deadline)
        throw new Error(`No email for ${address} after ${timeoutMs} ms (got ${this.to(address).length})`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.to(address);
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
