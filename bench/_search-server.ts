import type { AddressInfo } from "node:net";
import { buildApp } from "../packages/server/src/app.js";
import { openDatabase } from "../packages/server/src/db/connection.js";
import { ManualClock } from "../packages/server/src/lib/clock.js";
import { createMailer } from "../packages/server/src/mail/create-mailer.js";
import { WebhookWorker } from "../packages/server/src/modules/diffusion/webhook-worker.js";
import { testConfig } from "../packages/server/test/test-app.js";

/**
 * The search benchmark's server, in a process of its own as in production: the load generator
 * (autocannon) must not share the server's event loop. Prints its address on its first line.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL manquant");
const handle = await openDatabase({ databaseUrl: url, purpose: "bench search server", poolSize: 10 });
const config = testConfig({ rateLimitPerMinute: 1_000_000, logLevel: "silent" });
const clock = new ManualClock(new Date());
const quiet = { warn: () => {}, error: () => {} };
const mailer = createMailer(config, handle, clock, quiet);
const app = await buildApp(
  { config, db: handle, clock, mailer, webhooks: new WebhookWorker(handle.db, clock, config.publicUrl, quiet) },
  { web: false },
);
await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
process.on("SIGTERM", async () => {
  await app.close();
  await handle.close();
  process.exit(0);
});
