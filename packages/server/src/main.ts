import { type AppDeps, buildApp } from "./app.js";
import { openConfiguredDatabase, prepareDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { DatabaseLockedError } from "./db/pglite-lock.js";
import { systemClock } from "./lib/clock.js";

/** Process entry: config → database → migrations/data → HTTP → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config, `serveur HTTP (port ${config.port})`);
  const deps: AppDeps = { config, db, clock: systemClock };
  const app = await buildApp(deps);
  const log = app.log;

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
      await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks
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
