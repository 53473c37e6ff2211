import { emailSchema } from "@tremplin/core";
import { checkNewStaffUser, createStaffUser, type StaffRole } from "../modules/accounts/admin-users-service.js";
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
  async run({ values }, { database, services, config, print }) {
    const role = String(values.role ?? "");
    if (!(creatable as readonly string[]).includes(role))
      throw new UsageError(`--role doit valoir ${creatable.join(", ")} (reçu « ${role} »)`);
    const email = emailSchema.safeParse(values.email ?? "");
    if (!email.success) throw new UsageError(`--email invalide : ${String(values.email ?? "(absent)")}`);
    const { db } = await database();
    if (role === "opco" && !values.opco)
      throw new UsageError('--opco est obligatoire pour un conseiller OPCO (ex. --opco "OPCO EP")');
    const check = await checkNewStaffUser(db, {
      email: email.data,
      opcoName: role === "opco" ? String(values.opco) : null,
    });
    if (!check.ok && check.problem === "unknown-opco")
      throw new UsageError(
        `OPCO inconnu : « ${String(values.opco)} ». OPCO possibles : ${check.knownOpcoNames.join(", ")}`,
      );
    if (!check.ok) throw new UsageError(`Une personne existe déjà avec l'adresse ${email.data}.`);
    const { opcoId } = check;
    const { accounts } = await services();
    const user = await createStaffUser(accounts, {
      email: email.data,
      firstName: String(values["first-name"] ?? email.data.split("@")[0]),
      lastName: String(values["last-name"] ?? ""),
      role: role as StaffRole,
      opcoId,
    });
    await accounts.mailer.sender.flush();
    print(
      `Créé : ${user.email} (${role}${opcoId ? `, ${opcoId}` : ""}). Un lien de connexion lui a été envoyé${config.smtpUrl ? "." : ` (visible sur ${config.publicUrl}/dev/mailbox).`}`,
    );
  },
};
