import { formatFrenchDate, withPreposition } from "@tremplin/core";
import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

export function offerPublished(
  data: {
    firstName: string;
    title: string;
    companyName: string;
    offerUrl: string;
    spaceUrl: string;
    expiresAt: string | null;
    pending: boolean;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = data.pending
    ? `Votre offre « ${data.title} » sera publiée dès la confirmation de votre compte`
    : `Votre offre « ${data.title} » est en ligne`;
  const status = data.pending
    ? "Elle sera visible des candidats dès que votre adresse e-mail sera confirmée (lien reçu lors de l'inscription)."
    : `Elle est visible dès maintenant sur Tremplin et chez nos partenaires, jusqu'au ${formatFrenchDate(data.expiresAt as string)}. Nous vous écrirons 7 jours avant pour la prolonger en un clic.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Votre offre d'alternance « ${data.title} » pour ${data.companyName} a bien été enregistrée. ${status}`)}
${data.pending ? "" : button(data.offerUrl, "Voir l'offre en ligne")}
${paragraph("Vous pouvez la modifier à tout moment depuis votre espace.")}
${button(data.spaceUrl, "Gérer mes offres")}`,
    text: `Bonjour ${data.firstName},

Votre offre d'alternance « ${data.title} » pour ${data.companyName} a bien été enregistrée. ${status}
${data.pending ? "" : `\nVoir l'offre : ${data.offerUrl}\n`}
Vous pouvez la modifier à tout moment depuis votre espace : ${data.spaceUrl}`,
  });
}

export function offerReminder(
  data: {
    firstName: string;
    title: string;
    companyName: string;
    daysLeft: number;
    expiresAt: string;
    extendUrl: string;
    filledUrl: string;
    cancelUrl: string;
    spaceUrl: string;
    ttlDays: number;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const when = data.daysLeft === 1 ? "demain" : `dans ${data.daysLeft} jours`;
  const subject = `Votre offre « ${data.title} » expire ${when}`;
  return layout({
    subject,
    preheader: `Prolongez-la de ${data.ttlDays} jours en un clic`,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Votre offre « ${data.title} » (${data.companyName}) ne sera plus visible des candidats à partir du ${formatFrenchDate(data.expiresAt)}. Vous cherchez toujours ?`)}
${button(data.extendUrl, `Prolonger de ${data.ttlDays} jours`)}
${paragraph("Vous avez trouvé votre alternant ou ne recrutez plus ? Dites-le nous, l'offre sera retirée :")}
<p style="margin:0 0 16px 0"><a href="${data.filledUrl}" style="color:#000091">L'offre est pourvue</a> · <a href="${data.cancelUrl}" style="color:#000091">Annuler l'offre</a></p>
${paragraph("Ces liens fonctionnent sans vous connecter. Pour modifier l'offre, rendez-vous dans votre espace.")}
<p><a href="${data.spaceUrl}" style="color:#000091">Mon espace</a></p>`,
    text: `Bonjour ${data.firstName},

Votre offre « ${data.title} » (${data.companyName}) ne sera plus visible des candidats à partir du ${formatFrenchDate(data.expiresAt)}. Vous cherchez toujours ?

Prolonger de ${data.ttlDays} jours : ${data.extendUrl}

Vous avez trouvé votre alternant ou ne recrutez plus ?
- L'offre est pourvue : ${data.filledUrl}
- Annuler l'offre : ${data.cancelUrl}

Ces liens fonctionnent sans vous connecter. Pour modifier l'offre : ${data.spaceUrl}`,
  });
}

export function offerExpired(
  data: {
    firstName: string;
    title: string;
    companyName: string;
    republishUrl: string;
    spaceUrl: string;
    ttlDays: number;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre offre « ${data.title} » a expiré`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Votre offre « ${data.title} » (${data.companyName}) n'est plus visible des candidats. Si vous recrutez toujours, remettez-la en ligne pour ${data.ttlDays} jours :`)}
${button(data.republishUrl, "Remettre l'offre en ligne")}
<p><a href="${data.spaceUrl}" style="color:#000091">Mon espace</a></p>`,
    text: `Bonjour ${data.firstName},

Votre offre « ${data.title} » (${data.companyName}) n'est plus visible des candidats. Si vous recrutez toujours, remettez-la en ligne pour ${data.ttlDays} jours :

${data.republishUrl}

Mon espace : ${data.spaceUrl}`,
  });
}

export function offerPostedForYou(
  data: {
    firstName: string;
    companyName: string;
    intermediaryName: string;
    title: string;
    offerUrl: string;
    takeoverUrl: string;
    removeUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.intermediaryName} a publié une offre d'alternance pour ${data.companyName}`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`${data.intermediaryName} a déposé sur Tremplin, pour ${data.companyName}, l'offre d'alternance « ${data.title} », et vous en a indiqué comme contact. Les candidatures vous seront transmises.`)}
${button(data.offerUrl, "Voir l'offre")}
${paragraph("Vous préférez gérer l'offre vous-même (la modifier, la prolonger, recevoir les rappels) ? Reprenez-la en un clic : un compte Tremplin sera créé à votre nom.")}
${button(data.takeoverUrl, "Reprendre la gestion de l'offre")}
${paragraph(`Vous ne connaissez pas ${data.intermediaryName}, ou cette offre n'aurait pas dû être publiée ? Un clic la retire et signale l'intermédiaire à l'équipe Tremplin.`)}
<p><a href="${data.removeUrl}" style="color:#000091">Ce n'est pas nous : retirer l'offre</a></p>`,
    text: `Bonjour ${data.firstName},

${data.intermediaryName} a déposé sur Tremplin, pour ${data.companyName}, l'offre d'alternance « ${data.title} », et vous en a indiqué comme contact. Les candidatures vous seront transmises.

Voir l'offre : ${data.offerUrl}

Reprendre la gestion de l'offre (un compte Tremplin sera créé à votre nom) : ${data.takeoverUrl}

Vous ne connaissez pas ${data.intermediaryName}, ou cette offre n'aurait pas dû être publiée ? « Ce n'est pas nous » : retirer l'offre et signaler l'intermédiaire : ${data.removeUrl}`,
  });
}

export function offerRemovedByCompany(
  data: { firstName: string; companyName: string; title: string; spaceUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.companyName} a demandé le retrait de l'offre « ${data.title} »`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Le contact ${withPreposition("de", data.companyName)} a demandé le retrait de l'offre « ${data.title} » que vous aviez publiée pour l'entreprise. Elle n'est plus visible des candidats.`)}
<p><a href="${data.spaceUrl}" style="color:#000091">Mon espace</a></p>`,
    text: `Bonjour ${data.firstName},

Le contact ${withPreposition("de", data.companyName)} a demandé le retrait de l'offre « ${data.title} » que vous aviez publiée pour l'entreprise. Elle n'est plus visible des candidats.

Mon espace : ${data.spaceUrl}`,
  });
}
