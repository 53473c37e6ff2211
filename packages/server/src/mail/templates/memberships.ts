import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");

/** To each verified member: someone asks to join the organisation; accept or refuse in one click. */
export function membershipRequest(
  data: {
    firstName: string;
    organisationName: string;
    siret: string;
    applicant: { firstName: string; lastName: string; email: string };
    acceptLink: string;
    refuseLink: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const who = `${data.applicant.firstName} ${data.applicant.lastName} (${data.applicant.email})`;
  const subject = `${data.applicant.firstName} ${data.applicant.lastName} demande à rejoindre ${data.organisationName} sur Tremplin`;
  return layout({
    subject,
    preheader: "Acceptez ou refusez en un clic",
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`${who} vient de créer un compte Tremplin pour ${data.organisationName} (SIRET ${formatSiret(data.siret)}). Vous êtes membre vérifié de cet établissement : s'il s'agit bien d'un ou d'une collègue, acceptez sa demande. Il ou elle verra alors les offres et les candidatures de l'établissement.`)}
${button(data.acceptLink, "Accepter cette personne")}
${paragraph("Si vous ne connaissez pas cette personne, refusez : elle ne pourra pas parler au nom de l'établissement.")}
${button(data.refuseLink, "Refuser la demande")}
${paragraph("Les autres membres vérifiés et votre OPCO ont reçu la même demande : la première décision compte.")}`,
    text: `Bonjour ${data.firstName},

${who} vient de créer un compte Tremplin pour ${data.organisationName} (SIRET ${formatSiret(data.siret)}). Vous êtes membre vérifié de cet établissement : s'il s'agit bien d'un ou d'une collègue, acceptez sa demande. Il ou elle verra alors les offres et les candidatures de l'établissement.

Accepter : ${data.acceptLink}

Si vous ne connaissez pas cette personne, refusez : elle ne pourra pas parler au nom de l'établissement.

Refuser : ${data.refuseLink}

Les autres membres vérifiés et votre OPCO ont reçu la même demande : la première décision compte.`,
  });
}

/** To the applicant: their request to join was accepted or refused. */
export function membershipDecided(
  data: { firstName: string; organisationName: string; accepted: boolean; byLabel: string; spaceLink: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = data.accepted
    ? `Vous êtes membre vérifié de ${data.organisationName} sur Tremplin`
    : `Votre demande pour rejoindre ${data.organisationName} n'a pas été acceptée`;
  const line = data.accepted
    ? `${data.byLabel} a accepté votre demande : vous voyez désormais les offres et les candidatures de ${data.organisationName}.`
    : `${data.byLabel} n'a pas accepté votre demande pour rejoindre ${data.organisationName}. Si c'est une erreur, rapprochez-vous de vos collègues ou de votre OPCO.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(line)}
${button(data.spaceLink, "Accéder à mon espace")}`,
    text: `Bonjour ${data.firstName},

${line}

Accéder à mon espace : ${data.spaceLink}`,
  });
}

/** To an invited colleague: create your account on this SIRET, you will be verified at once. */
export function membershipInvitation(
  data: { inviterName: string; organisationName: string; siret: string; signUpLink: string; expiresOn: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `${data.inviterName} vous invite à rejoindre ${data.organisationName} sur Tremplin`;
  const intro = `${data.inviterName}, membre vérifié de ${data.organisationName} (SIRET ${formatSiret(data.siret)}), vous invite à rejoindre l'établissement sur Tremplin, le service public de l'alternance : vous y verrez ses offres et les candidatures reçues.`;
  const how = `Créez votre compte avec cette adresse e-mail et ce SIRET avant le ${data.expiresOn} : vous serez membre vérifié dès la confirmation de votre adresse, sans autre démarche.`;
  const notYou =
    "Si vous ne connaissez pas cette personne ou cet établissement, ignorez ce message : rien ne sera créé.";
  return layout({
    subject,
    preheader: "Créez votre compte : vous serez vérifié à la confirmation de votre adresse",
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(intro)}
${paragraph(how)}
${button(data.signUpLink, "Créer mon compte")}
${paragraph(notYou)}`,
    text: `Bonjour,

${intro}

${how}

Créer mon compte : ${data.signUpLink}

${notYou}`,
  });
}
