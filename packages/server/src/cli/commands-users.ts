import { emailSchema, type roles } from "@tremplin/core";
import pino from "pino";
import { createMailer } from "../mail/create-mailer.js";
import { issueMagicLink } from "../modules/accounts/auth-service.js";
import * as repo from "../modules/accounts/repository.js";
import { type CliCommand, UsageError } from "./command.js";

const creatable = ["admin", "opco", "chamber"] as const;

export const usersCreate: CliCommand = {
  name: "users:create",
  summary:
    "Crée un administrateur, un conseiller OPCO ou un conseiller de chambre consulaire, et lui envoie un lien de connexion",
  usage:
    'users:create --role admin|opco|chamber --email <e> [--opco "<nom de l\'OPCO>"] [--first-name <p>] [--last-name <n>]',
  options: {
    role: { type: "string" },
    email: { type: "string" },
    opco: { type: "string" },
    "first-name": { type: "string" },
    "last-name": { type: "string" },
  },
  async run({ values }, { database, config, print }) {
    const role = String(values.role ?? "");
    if (!(creatable as readonly string[]).includes(role))
      throw new UsageError(`--role doit valoir ${creatable.join(", ")} (reçu « ${role} »)`);
    const email = emailSchema.safeParse(values.email ?? "");
    if (!email.success) throw new UsageError(`--email invalide : ${String(values.email ?? "(absent)")}`);
    const { db } = await database();
    let opcoId: string | null = null;
    if (role === "opco") {
      if (!values.opco) throw new UsageError('--opco est obligatoire pour un conseiller OPCO (ex. --opco "OPCO EP")');
      const opco = await repo.findOpcoByName(db, String(values.opco));
      if (!opco) {
        const all = await db.selectFrom("opcos").select("name").orderBy("name").execute();
        throw new UsageError(
          `OPCO inconnu : « ${String(values.opco)} ». OPCO possibles : ${all.map((o) => o.name).join(", ")}`,
        );
      }
      opcoId = opco.id;
    }
    if (await repo.findUserByEmail(db, email.data))
      throw new UsageError(`Une personne existe déjà avec l'adresse ${email.data}.`);
    const clock = { now: () => new Date() };
    const handle = await database();
    const mailer = createMailer(config, handle, clock, pino({ level: "warn" }));
    const user = await db.transaction().execute(async (trx) => {
      const created = await repo.insertUser(trx, {
        email: email.data,
        firstName: String(values["first-name"] ?? email.data.split("@")[0]),
        lastName: String(values["last-name"] ?? ""),
        phone: null,
        role: role as (typeof roles)[number],
        opcoId,
      });
      await issueMagicLink({ db: trx, clock, config, mailer }, trx, created, "sign_in", { template: "signInLink" });
      return created;
    });
    await mailer.sender.flush();
    await mailer.sender.stop();
    print(
      `Créé : ${user.email} (${role}${opcoId ? `, ${opcoId}` : ""}). Un lien de connexion lui a été envoyé${config.smtpUrl ? "." : ` (visible sur ${config.publicUrl}/dev/mailbox).`}`,
    );
  },
};
