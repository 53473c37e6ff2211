import { parseArgs } from "node:util";
import pino from "pino";
import "@tremplin/core";
import { openConfiguredDatabase } from "./bootstrap.js";
import { type CliCommand, type CliContext, UsageError } from "./cli/command.js";
import { commands } from "./cli/registry.js";
import { ConfigError, loadConfig } from "./config.js";
import type { DatabaseHandle } from "./db/connection.js";
import { DatabaseLockedError } from "./db/pglite-lock.js";
import { systemClock } from "./lib/clock.js";
import { createMailer } from "./mail/create-mailer.js";
import type { Mailer } from "./mail/mailer.js";
import { buildServices, type Services } from "./services.js";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage : npm run cli -- <commande> [options]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Détail d'une commande : npm run cli -- <commande> --help",
  ].join("\n");
}

/** Runs one command; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    print(help());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    print(`Commande inconnue : ${name}\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    print(`Usage : npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let handle: DatabaseHandle | undefined;
  let services: { services: Services; mailer: Mailer } | undefined;
  try {
    const parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    const config = loadConfig();
    const database = async () => {
      handle ??= await openConfiguredDatabase(config, `commande « ${command.name} »`);
      return handle;
    };
    const context: CliContext = {
      config,
      print,
      database,
      services: async () => {
        if (services) return services.services;
        const db = await database();
        const log = pino({ level: "warn" });
        const mailer = createMailer(config, db, systemClock, log);
        services = { services: buildServices({ config, db, clock: systemClock, mailer }, log), mailer };
        return services.services;
      },
    };
    await command.run(parsed, context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      print(`${(error as Error).message}\nUsage : npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
      print((error as Error).message);
      return 1;
    }
    print(`Échec de « ${command.name} » : ${(error as Error).message}`);
    if (process.env.DEBUG) console.error(error);
    return 1;
  } finally {
    // What a command queued and did not send waits in the outbox for the app's next delivery.
    await services?.mailer.sender.stop();
    await handle?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
