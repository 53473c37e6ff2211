import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

/** What an alert is about, as a person reads it: « Boulanger / Boulangère à 30 km de Lyon (69) ». */
export interface AlertDescription {
  jobLabel: string;
  placeLabel: string;
  radiusKm: number;
}

const describe = (a: AlertDescription) => `${a.jobLabel} à ${a.radiusKm} km de ${a.placeLabel}`;

export function alertConfirmation(
  data: AlertDescription & { confirmUrl: string; validDays: number },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = "Confirmez votre alerte Tremplin";
  const what = describe(data);
  return layout({
    subject,
    preheader: `Nouvelles offres d'alternance : ${what}`,
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(`Vous avez demandé à recevoir par e-mail les nouvelles offres d'alternance « ${what} ». Confirmez votre adresse pour activer l'alerte : vous recevrez au plus un e-mail par jour, seulement quand de nouvelles offres sont publiées.`)}
${button(data.confirmUrl, "Confirmer mon alerte")}
${paragraph(`Ce lien est valable ${data.validDays} jours. Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : sans confirmation, l'alerte est effacée et vous ne recevrez rien.`)}`,
    text: `Bonjour,

Vous avez demandé à recevoir par e-mail les nouvelles offres d'alternance « ${what} ». Confirmez votre adresse pour activer l'alerte : vous recevrez au plus un e-mail par jour, seulement quand de nouvelles offres sont publiées.

Confirmer mon alerte : ${data.confirmUrl}

Ce lien est valable ${data.validDays} jours. Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : sans confirmation, l'alerte est effacée et vous ne recevrez rien.`,
  });
}

export interface AlertOffer {
  title: string;
  companyName: string;
  city: string | null;
  distanceKm: number;
  url: string;
}

export function alertNewOffers(
  data: AlertDescription & {
    offers: AlertOffer[];
    /** Matching offers beyond those listed (the email lists 10 at most). */
    more: number;
    searchUrl: string | null;
    unsubscribeUrl: string;
    alertsUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const count = data.offers.length + data.more;
  const subject =
    count === 1 ? `Une nouvelle offre : ${data.jobLabel}` : `${count} nouvelles offres : ${data.jobLabel}`;
  const where = (o: AlertOffer) => `${o.companyName}${o.city ? `, ${o.city}` : ""} (${o.distanceKm} km)`;
  const moreText =
    data.more > 0
      ? `Et ${data.more} autre${data.more > 1 ? "s" : ""} : retrouvez toutes les offres dans la recherche.`
      : "";
  return layout({
    subject,
    preheader: describe(data),
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(`De nouvelles offres d'alternance correspondent à votre alerte « ${describe(data)} » :`)}
<ul style="padding-left:20px;margin:0 0 16px 0">${data.offers.map(
      (o) =>
        html`<li style="margin-bottom:12px"><a href="${o.url}" style="color:#000091;font-weight:bold">${o.title}</a><br><span style="font-size:14px">${where(o)}</span></li>`,
    )}</ul>
${moreText ? paragraph(moreText) : ""}
${data.searchUrl ? button(data.searchUrl, "Voir la recherche") : ""}
<p style="font-size:13px;color:#666666">Vous recevez cet e-mail car vous avez créé cette alerte sur Tremplin. <a href="${data.unsubscribeUrl}" style="color:#000091">Se désabonner de cette alerte</a> · <a href="${data.alertsUrl}" style="color:#000091">Gérer mes alertes</a></p>`,
    text: `Bonjour,

De nouvelles offres d'alternance correspondent à votre alerte « ${describe(data)} » :

${data.offers.map((o) => `- ${o.title} — ${where(o)}\n  ${o.url}`).join("\n")}
${moreText ? `\n${moreText}\n` : ""}${data.searchUrl ? `\nVoir la recherche : ${data.searchUrl}\n` : ""}
Vous recevez cet e-mail car vous avez créé cette alerte sur Tremplin.
Se désabonner de cette alerte : ${data.unsubscribeUrl}
Gérer mes alertes : ${data.alertsUrl}`,
  });
}
