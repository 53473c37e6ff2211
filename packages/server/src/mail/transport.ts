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

export interface MailTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

/** A refusal by the receiving server that will not change on retry (unknown mailbox, …). */
export class PermanentMailError extends Error {
  override name = "PermanentMailError";
}

/** SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@smtp.example.fr:587). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(message) {
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
        throw error;
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
