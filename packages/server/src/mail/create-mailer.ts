import type { Config } from "../config.js";
import type { DatabaseHandle } from "../db/connection.js";
import type { Clock } from "../lib/clock.js";
import { Mailer } from "./mailer.js";
import { MailSender, type SenderLog } from "./sender.js";
import { devMailboxTransport, smtpTransport } from "./transport.js";

/** SMTP when SMTP_URL is set, the dev mailbox otherwise. */
export function createMailer(config: Config, db: DatabaseHandle, clock: Clock, log: SenderLog): Mailer {
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport();
  const sender = new MailSender(db.db, clock, transport, config.mailFrom, new URL(config.publicUrl).hostname, log);
  return new Mailer(clock, config.publicUrl, sender);
}
