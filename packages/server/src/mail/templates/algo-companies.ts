import { withPreposition } from "@tremplin/core";
import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
const company = (name: string, siret: string) => `${name} (SIRET ${formatSiret(siret)})`;

/** To the known contact: one click confirms the removal (the page POSTs the token, ADR 003). */
export function algoDelistingConfirm(
  data: { companyName: string; siret: string; link: string; expiresInDays: number },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Confirmez le retrait ${withPreposition("de", data.companyName)} de Tremplin`;
  const who = company(data.companyName, data.siret);
  const after =
    "Une fois confirmé, l'entreprise disparaît aussitôt de la liste des entreprises susceptibles de recruter en alternance que voient les candidats, et n'y reviendra pas aux prochaines mises à jour.";
  return layout({
    subject,
    preheader: "Un clic pour confirmer le déréférencement",
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(`Nous avons reçu une demande de retrait ${withPreposition("de", who)} de la liste des entreprises susceptibles de recruter en alternance. Pour la confirmer :`)}
${button(data.link, "Confirmer le retrait")}
${paragraph(`${after} Ce lien est valable ${data.expiresInDays} jours.`)}
${paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera changé.")}`,
    text: `Bonjour,

Nous avons reçu une demande de retrait ${withPreposition("de", who)} de la liste des entreprises susceptibles de recruter en alternance. Pour la confirmer, ouvrez ce lien :

${data.link}

${after} Ce lien est valable ${data.expiresInDays} jours.

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera changé.`,
  });
}

export function algoDelistingDone(
  data: { companyName: string; siret: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.companyName} ne figure plus sur Tremplin`;
  const body = `Comme demandé, ${company(data.companyName, data.siret)} ne figure plus parmi les entreprises susceptibles de recruter en alternance présentées aux candidats. Ce retrait est définitif : il vaut aussi pour les prochaines mises à jour.`;
  const back =
    "Si vous souhaitez un jour y figurer à nouveau, faites-le savoir depuis la page « Référencer mon entreprise » du site.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(body)}
${paragraph(back)}`,
    text: `Bonjour,

${body}

${back}`,
  });
}

/** Acknowledges a request that a person of the team (or the company's OPCO) will review. */
export function algoRequestReceived(
  data: { kind: "delisting" | "listing"; companyName: string; siret: string; firstName: string | null },
  { publicUrl }: MailContext,
): RenderedEmail {
  const listing = data.kind === "listing";
  const subject = listing
    ? `Votre demande de référencement ${withPreposition("de", data.companyName)} est bien reçue`
    : `Votre demande de retrait ${withPreposition("de", data.companyName)} est bien reçue`;
  const what = listing
    ? `Votre demande pour que ${company(data.companyName, data.siret)} figure parmi les entreprises qui recrutent en alternance a bien été enregistrée. L'équipe Tremplin ou l'OPCO de l'entreprise l'examine, en général sous 5 jours ouvrés, et vous écrit dès qu'elle est traitée.`
    : `Votre demande de retrait ${withPreposition("de", company(data.companyName, data.siret))} de la liste des entreprises susceptibles de recruter a bien été enregistrée. Votre adresse n'étant pas celle que nous connaissons pour l'entreprise, l'équipe Tremplin vérifie la demande, en général sous 5 jours ouvrés, et vous écrit dès qu'elle est traitée.`;
  const hello = data.firstName ? `Bonjour ${data.firstName},` : "Bonjour,";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(hello)}
${paragraph(what)}`,
    text: `${hello}

${what}`,
  });
}

export function algoDelistingRefused(
  data: { companyName: string; siret: string; reason: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre demande de retrait ${withPreposition("de", data.companyName)} n'a pas été acceptée`;
  const body = `Nous n'avons pas pu donner suite à votre demande de retrait ${withPreposition("de", company(data.companyName, data.siret))}.`;
  const next =
    "Si vous représentez l'entreprise, refaites la demande avec une adresse e-mail de l'entreprise : nous pourrons alors vérifier plus facilement qu'elle vient bien d'elle.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(body)}
${paragraph(`Motif indiqué : « ${data.reason} »`)}
${paragraph(next)}`,
    text: `Bonjour,

${body}

Motif indiqué : « ${data.reason} »

${next}`,
  });
}

export function algoListingAccepted(
  data: { firstName: string; companyName: string; siret: string; jobs: string[] },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.companyName} figure désormais parmi les entreprises qui recrutent en alternance`;
  const body = `Bonne nouvelle : votre demande est acceptée. ${company(data.companyName, data.siret)} est présentée dès maintenant aux candidats qui cherchent une alternance près de chez vous, pour ${data.jobs.length > 1 ? "les métiers suivants" : "le métier suivant"} :`;
  const after =
    "Les candidats pourront vous envoyer leur candidature spontanée. Vous pouvez à tout moment demander le retrait de l'entreprise depuis la page « Déréférencer mon entreprise ».";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(body)}
<ul style="margin:0 0 16px 0">${data.jobs.map((j) => html`<li>${j}</li>`)}</ul>
${paragraph(after)}
${button(publicUrl, "Découvrir Tremplin")}`,
    text: `Bonjour ${data.firstName},

${body}
${data.jobs.map((j) => `- ${j}`).join("\n")}

${after}

${publicUrl}`,
  });
}

export function algoListingRefused(
  data: { firstName: string; companyName: string; siret: string; reason: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre demande de référencement ${withPreposition("de", data.companyName)} n'a pas été acceptée`;
  const body = `Nous n'avons pas pu donner suite à votre demande pour que ${company(data.companyName, data.siret)} figure parmi les entreprises qui recrutent en alternance.`;
  const next =
    "Vous pouvez aussi déposer une offre d'alternance sur Tremplin : c'est gratuit et ne prend qu'une minute.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(body)}
${paragraph(`Motif indiqué : « ${data.reason} »`)}
${paragraph(next)}
${button(publicUrl, "Déposer une offre")}`,
    text: `Bonjour ${data.firstName},

${body}

Motif indiqué : « ${data.reason} »

${next} ${publicUrl}`,
  });
}
