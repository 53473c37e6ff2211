import { listUnknown, resendUnknown } from "../mail/outbox-repository.js";
import { type CliCommand, UsageError } from "./command.js";

export const mailUnknown: CliCommand = {
  name: "mail:unknown",
  summary: "Liste les e-mails dont on ne sait pas si le serveur SMTP les a acceptés (connexion coupée après l'envoi)",
  usage: "mail:unknown",
  async run(_args, { database, print }) {
    const { db } = await database();
    const rows = await listUnknown(db);
    if (rows.length === 0) print("Aucun e-mail à l'issue inconnue.");
    for (const r of rows) {
      print(`${r.id}  ${r.to_address}  « ${r.subject} »  ${r.last_error ?? ""}`);
    }
  },
};

/**
 * Sending again is a decision: the recipient may already have the email (same Message-ID, so most
 * mail clients show it once). Check the SMTP provider's logs first (ADR 010).
 */
export const mailResend: CliCommand = {
  name: "mail:resend",
  summary: "Renvoie des e-mails à l'issue inconnue (même Message-ID), après vérification chez le fournisseur SMTP",
  usage: "mail:resend --id <identifiant> [--id <identifiant>…]",
  options: { id: { type: "string", multiple: true } },
  async run({ values }, { database, print }) {
    const ids = (Array.isArray(values.id) ? values.id : []).map(String);
    if (ids.length === 0) throw new UsageError("Indiquez au moins un --id (voir mail:unknown).");
    const { db } = await database();
    const count = await resendUnknown(db, ids, new Date());
    print(`${count} e-mail(s) remis en file d'envoi.`);
  },
};
