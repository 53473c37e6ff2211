import { Transform } from "node:stream";
import nodemailer from "nodemailer";
import type { OutboxAttachment } from "../db/tables/mail-jobs.js";

export interface OutgoingMessage {
  from: string;
  to: string;
  replyTo: string | null;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: Record<string, string>;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox row: a resend after a crash carries the same Message-ID. */
  messageId: string;
  attachments: OutboxAttachment[];
}

export interface SendHooks {
  /**
   * Awaited once the whole message has been handed to the server, before the end of the DATA phase
   * (the final "."): a server cannot accept a message before this has resolved.
   */
  beforeDataEnd(): Promise<void>;
}

export interface MailTransport {
  readonly name: string;
  send(message: OutgoingMessage, hooks?: SendHooks): Promise<{ messageId: string | null }>;
  close(): void;
}

/** A refusal by the receiving server that will not change on retry (unknown mailbox, …). */
export class PermanentMailError extends Error {
  override name = "PermanentMailError";
}

/**
 * The connection failed after the end of the message was sent and before the server answered: it
 * may have accepted the message. Sending again could deliver it twice (ADR 010).
 */
export class UncertainDeliveryError extends Error {
  override name = "UncertainDeliveryError";
}

/** SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@smtp.example.fr:587). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  // The message's last transform stage holds its end until the hook of that send has resolved.
  const endHooks = new Map<string, () => Promise<void>>();
  transporter.use("stream", (mail, done) => {
    const hook = endHooks.get(String(mail.data.messageId));
    if (hook) {
      mail.message.transform(
        () =>
          new Transform({
            transform: (chunk, _encoding, callback) => callback(null, chunk),
            flush: (callback) => {
              hook().then(() => callback(), callback);
            },
          }),
      );
    }
    done();
  });
  return {
    name: "smtp",
    async send(message, hooks) {
      let dataEnded = false;
      endHooks.set(message.messageId, async () => {
        await hooks?.beforeDataEnd();
        dataEnded = true;
      });
      try {
        const info = await transporter.sendMail({
          from: message.from,
          to: message.to,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          ...(Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            ...(a.contentBase64 ? { content: a.contentBase64, encoding: "base64" } : { path: a.path }),
          })),
        });
        return { messageId: info.messageId ?? message.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600) {
          throw new PermanentMailError(`${code} ${(error as Error).message}`);
        }
        // No answer to the end of the data: accepted or not, nobody knows.
        if (dataEnded && code === undefined) throw new UncertainDeliveryError((error as Error).message);
        throw error;
      } finally {
        endHooks.delete(message.messageId);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * No SMTP configured (development): nothing leaves the machine; the email stays in the outbox and
 * is shown on /dev/mailbox.
 */
export function devMailboxTransport(): MailTransport {
  return {
    name: "dev-mailbox",
    send: async (message) => ({ messageId: message.messageId }),
    close: () => {},
  };
}
