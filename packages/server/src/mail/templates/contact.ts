import { withPreposition } from "@tremplin/core";
import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

/** To the team (CONTACT_EMAIL): a message from the /contact form; replying answers the sender. */
export function contactMessage(
  data: {
    topic: string;
    name: string;
    email: string;
    organisation: string | null;
    message: string;
    adminUrl: string | null;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `[Contact] ${data.topic} — ${data.name}`;
  const who = `${data.name} <${data.email}>${data.organisation ? ` (${data.organisation})` : ""}`;
  const queue = data.adminUrl ? "La demande de clé attend votre décision dans l'administration." : "";
  return layout({
    subject,
    preheader: data.message.slice(0, 90),
    publicUrl,
    body: html`${paragraph(`Sujet : ${data.topic}`)}
${paragraph(`De : ${who}`)}
<pre style="white-space:pre-wrap;font-family:inherit;margin:0 0 16px 0">${data.message}</pre>
${data.adminUrl ? html`${paragraph(queue)}${button(data.adminUrl, "Voir les demandes de clé d'API")}` : ""}
${paragraph("Répondez à cet e-mail pour écrire directement à la personne.")}`,
    text: `Sujet : ${data.topic}
De : ${who}

${data.message}
${data.adminUrl ? `\n${queue} ${data.adminUrl}\n` : ""}
Répondez à cet e-mail pour écrire directement à la personne.`,
  });
}

/** To the requester, once: the key itself (stored only as a hash, this email is its one copy). */
export function apiKeyGranted(
  data: { name: string; keyName: string; key: string; scopes: string[]; ratePerMinute: number; docsUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = "Votre clé d'API Tremplin";
  const intro = `Votre demande de clé d'API a été acceptée : voici la clé ${withPreposition("de", data.keyName)}. Elle n'est envoyée qu'une fois et Tremplin n'en garde pas de copie lisible : conservez-la dans un gestionnaire de secrets.`;
  const details = `Portées : ${data.scopes.join(", ")}. Limite : ${data.ratePerMinute} requêtes par minute. Envoyez-la dans l'en-tête « Authorization: Bearer <clé> ».`;
  return layout({
    subject,
    preheader: "La clé n'est envoyée qu'une fois : conservez-la",
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.name},`)}
${paragraph(intro)}
<p style="margin:0 0 16px 0;font-family:monospace;font-size:14px;word-break:break-all">${data.key}</p>
${paragraph(details)}
${button(data.docsUrl, "Documentation de l'API")}`,
    text: `Bonjour ${data.name},

${intro}

${data.key}

${details}

Documentation : ${data.docsUrl}`,
  });
}

export function apiKeyRefused(
  data: { name: string; organisation: string; reason: string | null; contactEmail: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = "Votre demande de clé d'API Tremplin";
  const body = `Nous ne pouvons pas donner suite à la demande de clé d'API ${withPreposition("de", data.organisation)}.${data.reason ? ` Raison : ${data.reason}` : ""}`;
  const after = `Pour en parler, écrivez-nous à ${data.contactEmail}.`;
  return layout({
    subject,
    preheader: "Réponse à votre demande de clé d'API",
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.name},`)}
${paragraph(body)}
${paragraph(after)}`,
    text: `Bonjour ${data.name},

${body}

${after}`,
  });
}
