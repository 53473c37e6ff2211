import { withPreposition } from "@tremplin/core";
import { html } from "../html.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

export interface MailContext {
  publicUrl: string;
}

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");

export function accountConfirmation(
  data: {
    firstName: string;
    companyName: string;
    siret: string;
    link: string;
    expiresInMinutes: number;
    accountType: "company" | "cfa";
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = "Confirmez votre adresse pour activer votre compte Tremplin";
  const what =
    data.accountType === "company"
      ? "Dès la confirmation, vous pourrez déposer vos offres d'alternance : elles seront visibles immédiatement."
      : "Dès la confirmation, vous pourrez déposer des offres pour vos entreprises partenaires et recevoir leurs demandes.";
  return layout({
    subject,
    preheader: `Un clic pour activer le compte ${withPreposition("de", data.companyName)}`,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Vous venez de créer un compte Tremplin pour ${data.companyName} (SIRET ${formatSiret(data.siret)}). Pour l'activer, confirmez votre adresse e-mail :`)}
${button(data.link, "Confirmer mon adresse et me connecter")}
${paragraph(`Ce lien est valable ${data.expiresInMinutes} minutes et ne sert qu'une fois. ${what}`)}
${paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.")}`,
    text: `Bonjour ${data.firstName},

Vous venez de créer un compte Tremplin pour ${data.companyName} (SIRET ${formatSiret(data.siret)}). Pour l'activer, confirmez votre adresse e-mail en ouvrant ce lien :

${data.link}

Ce lien est valable ${data.expiresInMinutes} minutes et ne sert qu'une fois. ${what}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.`,
  });
}

export function signInLink(
  data: { firstName: string; link: string; expiresInMinutes: number },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = "Votre lien de connexion à Tremplin";
  return layout({
    subject,
    preheader: "Un clic pour vous connecter, sans mot de passe",
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph("Voici votre lien de connexion à Tremplin :")}
${button(data.link, "Me connecter")}
${paragraph(`Ce lien est valable ${data.expiresInMinutes} minutes et ne sert qu'une fois. Si vous n'avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans ce lien.`)}`,
    text: `Bonjour ${data.firstName},

Voici votre lien de connexion à Tremplin :

${data.link}

Ce lien est valable ${data.expiresInMinutes} minutes et ne sert qu'une fois. Si vous n'avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans ce lien.`,
  });
}

export function accountCertified(
  data: { firstName: string; companyName: string; opcoName: string; spaceLink: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre compte Tremplin est certifié par ${data.opcoName}`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Bonne nouvelle : ${data.opcoName}, l'opérateur de compétences ${withPreposition("de", data.companyName)}, a certifié votre compte. Vos offres portent désormais la mention « certifiée par l'OPCO », qui rassure les candidats.`)}
${paragraph(`${data.opcoName} peut aussi vous accompagner dans le recrutement et le financement de votre alternant.`)}
${button(data.spaceLink, "Accéder à mon espace")}`,
    text: `Bonjour ${data.firstName},

Bonne nouvelle : ${data.opcoName}, l'opérateur de compétences ${withPreposition("de", data.companyName)}, a certifié votre compte. Vos offres portent désormais la mention « certifiée par l'OPCO », qui rassure les candidats.

${data.opcoName} peut aussi vous accompagner dans le recrutement et le financement de votre alternant.

Accéder à mon espace : ${data.spaceLink}`,
  });
}

export function accountRejected(
  data: { firstName: string; companyName: string; byLabel: string; reason: string; contactLink: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre compte Tremplin pour ${data.companyName} n'a pas été validé`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`${data.byLabel} n'a pas validé le compte ${withPreposition("de", data.companyName)}. Vos offres ne sont plus visibles des candidats.`)}
${paragraph(`Motif indiqué : « ${data.reason} »`)}
${paragraph("S'il s'agit d'une erreur, répondez-nous par le formulaire de contact : nous réexaminerons votre compte rapidement.")}
${button(data.contactLink, "Contacter l'équipe Tremplin")}`,
    text: `Bonjour ${data.firstName},

${data.byLabel} n'a pas validé le compte ${withPreposition("de", data.companyName)}. Vos offres ne sont plus visibles des candidats.

Motif indiqué : « ${data.reason} »

S'il s'agit d'une erreur, contactez-nous : ${data.contactLink}`,
  });
}

export function opcoDigest(
  data: {
    firstName: string;
    opcoName: string;
    waiting: number;
    newSinceLastDigest: Array<{ companyName: string; siret: string; city: string | null; createdOn: string }>;
    spaceLink: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const n = data.newSinceLastDigest.length;
  const subject = `${n} nouvelle${n > 1 ? "s" : ""} entreprise${n > 1 ? "s" : ""} à certifier sur Tremplin (${data.opcoName})`;
  const list = data.newSinceLastDigest.slice(0, 30);
  const more = n - list.length;
  return layout({
    subject,
    preheader: `${data.waiting} compte${data.waiting > 1 ? "s" : ""} en attente de certification au total`,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`${n} entreprise${n > 1 ? "s" : ""} de votre périmètre ${n > 1 ? "ont" : "a"} exprimé un besoin de recrutement en alternance depuis le dernier récapitulatif. Contactez-les pour certifier leur compte et les accompagner.`)}
<ul style="padding-left:20px;margin:0 0 16px 0">${list.map((c) => html`<li>${c.companyName} — SIRET ${formatSiret(c.siret)}${c.city ? ` — ${c.city}` : ""} (inscrite le ${c.createdOn})</li>`)}</ul>
${more > 0 ? paragraph(`… et ${more} autre${more > 1 ? "s" : ""}.`) : ""}
${paragraph(`Au total, ${data.waiting} compte${data.waiting > 1 ? "s attendent" : " attend"} votre certification.`)}
${button(data.spaceLink, "Ouvrir l'espace OPCO")}`,
    text: `Bonjour ${data.firstName},

${n} entreprise${n > 1 ? "s" : ""} de votre périmètre ${n > 1 ? "ont" : "a"} exprimé un besoin de recrutement en alternance depuis le dernier récapitulatif :

${list.map((c) => `- ${c.companyName} — SIRET ${formatSiret(c.siret)}${c.city ? ` — ${c.city}` : ""} (inscrite le ${c.createdOn})`).join("\n")}${more > 0 ? `\n… et ${more} autre${more > 1 ? "s" : ""}.` : ""}

Au total, ${data.waiting} compte${data.waiting > 1 ? "s attendent" : " attend"} votre certification.

Ouvrir l'espace OPCO : ${data.spaceLink}`,
  });
}
