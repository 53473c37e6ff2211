import type { Config } from "./config.js";
import type { DatabaseHandle } from "./db/connection.js";
import type { Clock } from "./lib/clock.js";
import type { Mailer } from "./mail/mailer.js";
import type { HostResolver } from "./modules/diffusion/webhook-url.js";
import type { WebhookWorker } from "./modules/diffusion/webhook-worker.js";

/**
 * What the application needs from the outside world. main.ts builds the real ones; tests build
 * their own (a fresh database, a manual clock, an SMTP receiver) and call buildApp with them.
 */
export interface AppDeps {
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  webhooks: WebhookWorker;
  /** DNS look-up of webhook hosts (tests inject one to stay offline); default: the system's resolver. */
  resolveHost?: HostResolver;
}
