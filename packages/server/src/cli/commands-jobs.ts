import pino from "pino";
import { jobs } from "../jobs/registry.js";
import { runJob } from "../jobs/runner.js";
import { createMailer } from "../mail/create-mailer.js";
import { type CliCommand, UsageError } from "./command.js";

export const jobsRun: CliCommand = {
  name: "jobs:run",
  summary: "Exécute une tâche planifiée maintenant (ou à la date --now), puis envoie les e-mails produits",
  usage: `jobs:run <${jobs.map((j) => j.name).join("|")}> [--now <date ISO>]`,
  options: { now: { type: "string" } },
  async run({ values, positionals }, { database, config, print }) {
    const job = jobs.find((j) => j.name === positionals[0]);
    if (!job)
      throw new UsageError(
        `Tâche inconnue : ${positionals[0] ?? "(aucune)"}. Tâches : ${jobs.map((j) => j.name).join(", ")}`,
      );
    const now = values.now ? new Date(String(values.now)) : new Date();
    if (Number.isNaN(now.getTime()))
      throw new UsageError(`Date --now invalide : ${String(values.now)} (attendu : 2026-03-02T08:00:00+01:00)`);
    const handle = await database();
    const clock = { now: () => now };
    const mailer = createMailer(config, handle, clock, pino({ level: "warn" }));
    print(`${job.name} — ${job.description} (au ${now.toISOString()})`);
    const outcome = await runJob(job, { config, mailer, now, log: print }, handle, "cli");
    const mail = await mailer.sender.flush();
    await mailer.sender.stop();
    if (outcome.status === "failed") throw new Error(outcome.error ?? "échec");
    print(`Résultat : ${outcome.status} ${JSON.stringify(outcome.summary ?? {})} ; e-mails envoyés : ${mail.sent}`);
  },
};

export const jobsList: CliCommand = {
  name: "jobs:list",
  summary: "Liste les tâches planifiées et leur horaire",
  usage: "jobs:list",
  async run(_args, { print }) {
    for (const job of jobs) print(`${job.name.padEnd(32)} ${job.schedule.padEnd(14)} ${job.description}`);
  },
};
