import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import type { AppDeps } from "../src/app-deps.js";
import { type Config, loadConfig } from "../src/config.js";
import type { DatabaseHandle } from "../src/db/connection.js";
import { ManualClock } from "../src/lib/clock.js";
import { createMailer } from "../src/mail/create-mailer.js";
import type { Mailer } from "../src/mail/mailer.js";
import { systemResolver } from "../src/modules/diffusion/webhook-url.js";
import { WebhookWorker } from "../src/modules/diffusion/webhook-worker.js";
import type { Services } from "../src/services.js";
import { SmtpReceiver } from "./smtp-receiver.js";
import { createTestDatabase } from "./test-database.js";

export interface TestApp {
  app: FastifyInstance;
  db: DatabaseHandle;
  clock: ManualClock;
  config: Config;
  deps: AppDeps;
  mailer: Mailer;
  /** The app's own services (buildApp's), for tests that call a service directly. */
  services: Services;
  webhooks: WebhookWorker;
  /** The real SMTP server the app sends to. */
  smtp: SmtpReceiver;
  /** Sends every due email now and waits for the SMTP receiver to have them. */
  flushMail(): Promise<void>;
  close(): Promise<void>;
}

/** Configuration for tests: nothing read from the developer's environment except DATABASE_URL. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: "test",
      SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
      PUBLIC_URL: "http://tremplin.test",
      DATA_DIR: "./.data/test",
      SCHEDULER: "off",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    }),
    ...overrides,
  };
}

/** The whole application on a fresh test database, with a manual clock. */
export async function createTestApp(
  options: { config?: Partial<Config>; now?: string; db?: DatabaseHandle; webDistDir?: string } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const clock = new ManualClock(options.now ?? "2026-03-02T09:00:00.000Z");
  const smtp = await new SmtpReceiver().start();
  const config = testConfig({ smtpUrl: smtp.url, ...options.config });
  const quiet = { warn: () => {}, error: () => {} };
  const mailer = createMailer(config, db, clock, quiet);
  // Deliveries resolve hosts through deps.resolveHost when a test sets one (offline), as the routes do.
  const webhooks = new WebhookWorker(db.db, clock, config.publicUrl, quiet, {
    env: config.env,
    resolveHost: (host) => (deps.resolveHost ?? systemResolver)(host),
  });
  const deps: AppDeps = { config, db, clock, mailer, webhooks };
  const app = await buildApp(deps, options.webDistDir ? { webDistDir: options.webDistDir } : { web: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    deps,
    mailer,
    services: app.services,
    webhooks,
    smtp,
    flushMail: async () => {
      await mailer.sender.flush();
    },
    close: async () => {
      await app.close();
      await mailer.sender.stop();
      await webhooks.stop();
      await smtp.stop();
      await db.close();
    },
  };
}
