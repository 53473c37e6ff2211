import { formatFrenchDate } from "@tremplin/core";
import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

/**
 * Emails of the hire loop (ADR 011): the recruiter's reminders and weekly digest, the candidate's
 * follow-ups (offer closed, no answer after 14 days), and a withdrawal. Candidates' emails never
 * carry the recruiter's address.
 */

interface Target {
  kind: "offer" | "company";
  title: string | null;
  companyName: string;
}

const what = (t: Target) =>
  t.kind === "offer" ? `l'offre « ${t.title} »` : `${t.companyName} (candidature spontanée)`;
const link = (url: string, label: string) => html`<a href="${url}" style="color:#000091">${label}</a>`;
const day = (isoDate: string) => formatFrenchDate(new Date(isoDate));

export function applicationWithdrawnToRecruiter(
  data: { candidateName: string; target: Target; createdAt: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.candidateName} a retiré sa candidature`;
  const body = `${data.candidateName} a retiré la candidature envoyée le ${day(data.createdAt)} pour ${what(data.target)}. Vous n'avez plus à y répondre.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph("Bonjour,")}${paragraph(body)}`,
    text: `Bonjour,\n\n${body}`,
  });
}

export function applicationNudge(
  data: {
    days: number;
    candidateName: string;
    target: Target;
    createdAt: string;
    interviewUrl: string;
    refuseUrl: string;
    undecidedUrl: string;
    inboxUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.candidateName} attend votre réponse depuis ${data.days} jours`;
  const lead = `${data.candidateName} vous a envoyé le ${day(data.createdAt)} une candidature pour ${what(data.target)} et attend toujours votre réponse. Un refus motivé vaut mieux qu'un silence : il lui permet de chercher ailleurs.`;
  return layout({
    subject,
    preheader: "Répondez en un clic : entretien, refus, ou pas encore",
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(lead)}
${button(data.interviewUrl, "Je propose un entretien")}
<p style="margin:0 0 16px 0">${link(data.refuseUrl, "Je refuse")} · ${link(data.undecidedUrl, "Je ne sais pas encore")}</p>
<p>${link(data.inboxUrl, "Toutes mes candidatures reçues")}</p>`,
    text: `Bonjour,

${lead}

- Je propose un entretien : ${data.interviewUrl}
- Je refuse : ${data.refuseUrl}
- Je ne sais pas encore : ${data.undecidedUrl}

Toutes mes candidatures reçues : ${data.inboxUrl}`,
  });
}

export function applicationsDigest(
  data: { items: Array<{ candidateName: string; target: Target; createdAt: string }>; inboxUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const n = data.items.length;
  const subject = `${n} candidature${n > 1 ? "s" : ""} attend${n > 1 ? "ent" : ""} votre réponse`;
  const lines = data.items.map((i) => `${i.candidateName} — ${what(i.target)}, reçue le ${day(i.createdAt)}`);
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph("Voici les candidatures qui attendent encore votre réponse :")}
<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>
${button(data.inboxUrl, "Répondre depuis mon espace")}`,
    text: `Bonjour,\n\nVoici les candidatures qui attendent encore votre réponse :\n${lines.map((l) => `- ${l}`).join("\n")}\n\nRépondre depuis mon espace : ${data.inboxUrl}`,
  });
}

interface Suggestion {
  title: string;
  companyName: string;
  city: string | null;
  url: string;
}

const suggestionLines = (items: Suggestion[]) =>
  items.map((s) => `${s.title} — ${s.companyName}${s.city ? ` (${s.city})` : ""}`);

function withSuggestions(lead: string, suggestions: Suggestion[], searchUrl: string, spaceUrl: string) {
  const lines = suggestionLines(suggestions);
  const body = html`${paragraph(lead)}
${suggestions.length > 0 ? html`${paragraph("Des offres proches qui pourraient vous intéresser :")}<ul>${suggestions.map((s, i) => html`<li>${link(s.url, lines[i] ?? "")}</li>`)}</ul>` : ""}
${button(searchUrl, "Chercher d'autres offres")}
<p>${link(spaceUrl, "Suivre mes candidatures")}</p>`;
  const text = `${lead}\n${lines.length > 0 ? `\nDes offres proches qui pourraient vous intéresser :\n${suggestions.map((s, i) => `- ${lines[i]} : ${s.url}`).join("\n")}\n` : ""}\nChercher d'autres offres : ${searchUrl}\nSuivre mes candidatures : ${spaceUrl}`;
  return { body, text };
}

export function applicationOfferClosed(
  data: { firstName: string; target: Target; filled: boolean; suggestions: Suggestion[]; searchUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = data.filled
    ? `L'offre « ${data.target.title} » est pourvue`
    : `L'offre « ${data.target.title} » n'est plus en ligne`;
  const lead = data.filled
    ? `${data.target.companyName} a pourvu le poste « ${data.target.title} » pour lequel vous aviez candidaté. Ce n'est pas une réponse sur votre profil : d'autres entreprises recrutent.`
    : `L'offre « ${data.target.title} » de ${data.target.companyName}, pour laquelle vous aviez candidaté, n'est plus en ligne. Le recruteur peut encore vous répondre, mais ne comptez pas seulement sur elle.`;
  const { body, text } = withSuggestions(lead, data.suggestions, data.searchUrl, `${publicUrl}/mes-candidatures`);
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}${body}`,
    text: `Bonjour ${data.firstName},\n\n${text}`,
  });
}

export function applicationNoAnswer(
  data: { firstName: string; target: Target; createdAt: string; suggestions: Suggestion[]; searchUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Toujours pas de réponse de ${data.target.companyName}`;
  const lead = `Votre candidature du ${day(data.createdAt)} pour ${what(data.target)} n'a pas encore reçu de réponse, 14 jours plus tard. Nous avons relancé le recruteur ; en attendant, continuez à postuler.`;
  const { body, text } = withSuggestions(lead, data.suggestions, data.searchUrl, `${publicUrl}/mes-candidatures`);
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}${body}`,
    text: `Bonjour ${data.firstName},\n\n${text}`,
  });
}
