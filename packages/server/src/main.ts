import pino from "pino";
import { type AppDeps, buildApp } from "./app.js";
import { openConfiguredDatabase, prepareDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { DatabaseLockedError } from "./db/pglite-lock.js";
import { jobs } from "./jobs/registry.js";
import { startScheduler } from "./jobs/scheduler.js";
import { systemClock } from "./lib/clock.js";
import { createMailer } from "./mail/create-mailer.js";
import { WebhookWorker } from "./modules/diffusion/webhook-worker.js";

/** Process entry: config → database → migrations/data → HTTP → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config, `serveur HTTP (port ${config.port})`);
  const bootLog = pino({ level: config.logLevel });
  const mailer = createMailer(config, db, systemClock, bootLog);
  const webhooks = new WebhookWorker(db.db, systemClock, config.publicUrl, bootLog, { env: config.env });
  const deps: AppDeps = { config, db, clock: systemClock, mailer, webhooks };
  // A terminal gets readable lines; a log collector (no TTY, or production) gets JSON.
  const app = await buildApp(deps, { prettyLogs: config.env !== "production" && process.stdout.isTTY === true });
  const log = app.log;
  let stopScheduler = () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "arrêt demandé : fin des requêtes en cours, puis fermeture de la base");
    const force = setTimeout(() => {
      log.error("arrêt forcé après 20 s");
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      stopScheduler();
      await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks
      await mailer.sender.stop();
      await webhooks.stop();
      await db.close(); // PGlite: checkpoint and release the lock
      log.info("arrêt propre terminé");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "erreur pendant l'arrêt");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  try {
    await prepareDatabase(db, config, (line) => log.info(line));
    await app.listen({ port: config.port, host: config.host });
    mailer.sender.start();
    webhooks.start();
    if (config.scheduler) {
      const names = config.schedulerJobs;
      const unknown = names?.filter((name) => !jobs.some((job) => job.name === name)) ?? [];
      if (unknown.length > 0) {
        throw new Error(
          `SCHEDULER_JOBS : tâche inconnue « ${unknown.join(", ")} » (tâches : ${jobs.map((j) => j.name).join(", ")})`,
        );
      }
      const chosen = names ? jobs.filter((job) => names.includes(job.name)) : jobs;
      // SCHEDULER_EVERY_SECONDS (browser journeys): reminders and expiries without waiting for the hour.
      const every = config.schedulerEverySeconds;
      const scheduled = every ? chosen.map((job) => ({ ...job, schedule: `*/${every} * * * * *` })) : chosen;
      stopScheduler = startScheduler(scheduled, { config, mailer }, db, systemClock, log);
    }
    log.info(
      `Tremplin est prêt sur ${config.publicUrl} (base : ${db.engine === "pglite" ? `PGlite dans ${config.dataDir}` : "PostgreSQL"}${config.smtpUrl ? "" : ` ; e-mails visibles sur ${config.publicUrl}/dev/mailbox`})`,
    );
  } catch (error) {
    log.error({ err: error }, "démarrage impossible");
    await app.close().catch(() => {});
    await db.close().catch(() => {});
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
