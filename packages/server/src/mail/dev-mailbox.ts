import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { html } from "./html.js";
import * as outbox from "./outbox-repository.js";

const statusLabel: Record<string, string> = {
  pending: "en attente",
  sending: "en cours d'envoi",
  sent: "remis (boîte de développement)",
  failed: "échec",
  cancelled: "annulé (adresse bloquée)",
};

function page(title: string, body: ReturnType<typeof html>): string {
  return html`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:Arial,sans-serif;margin:24px;color:#161616}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}a{color:#000091}.note{background:#fff4e5;padding:8px 12px;border-left:4px solid #b34000}pre{white-space:pre-wrap;background:#f6f6f6;padding:12px}</style></head>
<body>${body}</body></html>`.value;
}

/**
 * /dev/mailbox: what the service would have sent, when no SMTP_URL is set. Registered only outside
 * production; links in the emails are real and can be clicked from here.
 */
export function devMailboxRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get("/dev/mailbox", { schema: { hide: true } }, async (_request, reply) => {
    const emails = await outbox.listRecentEmails(db, 200);
    const rows = emails.map(
      (e) =>
        html`<tr><td>${e.created_at.toISOString().replace("T", " ").slice(0, 19)}</td><td>${e.to_address}</td><td><a href="/dev/mailbox/${e.id}">${e.subject}</a></td><td>${statusLabel[e.status] ?? e.status}</td></tr>`,
    );
    return reply.type("text/html; charset=utf-8").send(
      page(
        "Boîte de développement — Tremplin",
        html`<h1>Boîte de développement</h1>
<p class="note">Aucun serveur SMTP n'est configuré (SMTP_URL) : les e-mails ne quittent pas cette machine. Voici ce qui aurait été envoyé, du plus récent au plus ancien.</p>
${emails.length === 0 ? html`<p>Aucun e-mail pour l'instant.</p>` : html`<table><thead><tr><th>Date (UTC)</th><th>Destinataire</th><th>Objet</th><th>État</th></tr></thead><tbody>${rows}</tbody></table>`}`,
      ),
    );
  });

  app.get<{ Params: { id: string } }>("/dev/mailbox/:id", { schema: { hide: true } }, async (request, reply) => {
    const email = /^[0-9a-f-]{36}$/.test(request.params.id) ? await outbox.findEmail(db, request.params.id) : undefined;
    if (!email)
      return reply
        .status(404)
        .type("text/html; charset=utf-8")
        .send(page("Introuvable", html`<p>Cet e-mail n'existe pas. <a href="/dev/mailbox">Retour</a></p>`));
    return reply.type("text/html; charset=utf-8").send(
      page(
        email.subject,
        html`<p><a href="/dev/mailbox">← Tous les e-mails</a> · <a href="/dev/mailbox/${email.id}/html">Version HTML</a></p>
<h1>${email.subject}</h1><p>À : ${email.to_address} · ${statusLabel[email.status] ?? email.status}</p>
<pre>${email.text_body}</pre>`,
      ),
    );
  });

  app.get<{ Params: { id: string } }>("/dev/mailbox/:id/html", { schema: { hide: true } }, async (request, reply) => {
    const email = /^[0-9a-f-]{36}$/.test(request.params.id) ? await outbox.findEmail(db, request.params.id) : undefined;
    if (!email) return reply.status(404).send("Introuvable");
    return reply.type("text/html; charset=utf-8").send(email.html);
  });
}
