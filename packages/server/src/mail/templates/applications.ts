import { withPreposition } from "@tremplin/core";
import { html, type SafeHtml } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

/**
 * Emails of applications. The candidate's emails never carry the recruiter's address; the
 * recruiter's email carries the candidate's (they must be able to answer) and the CV.
 */

interface Target {
  kind: "offer" | "company";
  title: string | null;
  companyName: string;
}

/** "candidature à l'offre « … »" or "candidature spontanée", after "votre" / "sa". */
const candidature = (t: Target) =>
  t.kind === "offer" ? `candidature à l'offre « ${t.title} »` : "candidature spontanée";
/** 0612345678 → 06 12 34 56 78 (international numbers are left as they are). */
const readablePhone = (phone: string) => phone.replace(/^0(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/, "0$1 $2 $3 $4 $5");
const link = (url: string, label: string) => html`<a href="${url}" style="color:#000091">${label}</a>`;
const quote = (text: string): SafeHtml =>
  html`<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #dddddd;white-space:pre-line">${text}</blockquote>`;
const textQuote = (text: string) =>
  text
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");

export function applicationToRecruiter(
  data: {
    target: Target;
    candidate: { firstName: string; lastName: string; email: string; phone: string };
    message: string | null;
    cvFileName: string | null;
    partnerName: string | null;
    interviewUrl: string;
    refuseUrl: string;
    undecidedUrl: string;
    spaceUrl: string | null;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const c = data.candidate;
  const name = `${c.firstName} ${c.lastName}`;
  const subject =
    data.target.kind === "offer"
      ? `Candidature ${withPreposition("de", name)} pour « ${data.target.title} »`
      : `Candidature spontanée ${withPreposition("de", name)} pour ${data.target.companyName}`;
  const intro = `${name} vous adresse sa ${candidature(data.target)} via Tremplin`;
  const via = data.partnerName ? ` (transmise par ${data.partnerName})` : "";
  const cv = data.cvFileName ? "Son CV est joint à ce message." : "Le candidat n'a pas joint de CV.";
  return layout({
    subject,
    preheader: "Répondez en un clic : entretien, refus, ou pas encore",
    publicUrl,
    body: html`${paragraph("Bonjour,")}
${paragraph(`${intro}${via}. ${cv}`)}
<p style="margin:0 0 16px 0"><strong>${name}</strong><br>E-mail : <a href="mailto:${c.email}" style="color:#000091">${c.email}</a><br>Téléphone : <a href="tel:${c.phone}" style="color:#000091">${readablePhone(c.phone)}</a></p>
${data.message ? quote(data.message) : ""}
${paragraph("Répondez-lui en un clic, sans compte : nous lui transmettons votre réponse, sans communiquer votre adresse.")}
${button(data.interviewUrl, "Je propose un entretien")}
<p style="margin:0 0 16px 0">${link(data.refuseUrl, "Je refuse")} · ${link(data.undecidedUrl, "Je ne sais pas encore")}</p>
${paragraph("Vous pouvez aussi lui écrire directement à son adresse ci-dessus. Tremplin ne conserve pas le CV après l'envoi de ce message.")}
${data.spaceUrl ? html`<p>${link(data.spaceUrl, "Toutes les candidatures de cette offre")}</p>` : ""}`,
    text: `Bonjour,

${intro}${via}. ${cv}

${name}
E-mail : ${c.email}
Téléphone : ${readablePhone(c.phone)}
${data.message ? `\n${textQuote(data.message)}\n` : ""}
Répondez-lui en un clic, sans compte (nous lui transmettons votre réponse, sans communiquer votre adresse) :
- Je propose un entretien : ${data.interviewUrl}
- Je refuse : ${data.refuseUrl}
- Je ne sais pas encore : ${data.undecidedUrl}

Vous pouvez aussi lui écrire directement à son adresse ci-dessus. Tremplin ne conserve pas le CV après l'envoi de ce message.${data.spaceUrl ? `\n\nToutes les candidatures de cette offre : ${data.spaceUrl}` : ""}`,
  });
}

export function applicationCopyToCandidate(
  data: {
    firstName: string;
    target: Target;
    message: string | null;
    cvFileName: string | null;
    partnerName: string | null;
    searchUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject =
    data.target.kind === "offer"
      ? `Votre candidature pour « ${data.target.title} » a été envoyée`
      : `Votre candidature spontanée ${withPreposition("à", data.target.companyName)} a été envoyée`;
  const sent = `Votre ${candidature(data.target)} a été transmise ${withPreposition("à", data.target.companyName)}${data.partnerName ? ` depuis ${data.partnerName}` : ""}.`;
  const cv = data.cvFileName ? `CV joint : ${data.cvFileName}.` : "Vous n'avez pas joint de CV.";
  const next =
    "Le recruteur peut vous proposer un entretien ou refuser en un clic : vous recevrez sa réponse par e-mail. Il peut aussi vous contacter directement par e-mail ou par téléphone.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`${sent} ${cv}`)}
${data.message ? html`${paragraph("Votre message :")}${quote(data.message)}` : ""}
${paragraph(next)}
${paragraph("En attendant, d'autres entreprises recrutent peut-être près de chez vous :")}
${button(data.searchUrl, "Chercher d'autres offres")}`,
    text: `Bonjour ${data.firstName},

${sent} ${cv}
${data.message ? `\nVotre message :\n${textQuote(data.message)}\n` : ""}
${next}

Chercher d'autres offres : ${data.searchUrl}`,
  });
}

export function applicationAnswer(
  data: {
    firstName: string;
    target: Target;
    /** "undecided" is the status « en cours d'examen » (seen); "hired" comes from the inbox. */
    decision: "interview" | "refused" | "undecided" | "hired";
    reasonLabel: string | null;
    recruiterMessage: string | null;
    searchUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const company = data.target.companyName;
  const yours = `votre ${candidature(data.target)}`;
  const wording: Record<typeof data.decision, [string, string, string]> = {
    interview: [
      `${company} vous propose un entretien`,
      `Bonne nouvelle : ${company} a lu ${yours} et vous propose un entretien.`,
      "Le recruteur va vous contacter par e-mail ou par téléphone pour fixer un rendez-vous : surveillez vos messages, y compris les indésirables.",
    ],
    refused: [
      `Réponse ${withPreposition("de", company)} à votre candidature`,
      `${company} a lu ${yours} mais ne peut pas y donner suite.`,
      "Ne vous découragez pas : la plupart des contrats se signent après plusieurs candidatures.",
    ],
    undecided: [
      `${company} a bien reçu votre candidature`,
      `${company} a bien reçu ${yours} et l'examine : vous aurez une réponse plus tard.`,
      "Vous pouvez continuer à postuler ailleurs en attendant.",
    ],
    hired: [
      `${company} vous recrute`,
      `Félicitations : ${company} indique vous recruter à la suite de ${yours}.`,
      "Le recruteur vous contacte pour le contrat. Une fois signé, dites-le dans « Mes candidatures » : cela nous aide à mesurer ce que Tremplin apporte.",
    ],
  };
  const [subject, lead, next] = wording[data.decision];
  const reason = data.reasonLabel ? `Motif indiqué : ${data.reasonLabel}.` : "";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(lead)}
${reason ? paragraph(reason) : ""}
${data.recruiterMessage ? html`${paragraph("Message du recruteur :")}${quote(data.recruiterMessage)}` : ""}
${paragraph(next)}
${button(data.searchUrl, "Voir d'autres offres")}
<p>${link(`${publicUrl}/mes-candidatures`, "Suivre mes candidatures")}</p>`,
    text: `Bonjour ${data.firstName},

${lead}
${reason ? `\n${reason}\n` : ""}${data.recruiterMessage ? `\nMessage du recruteur :\n${textQuote(data.recruiterMessage)}\n` : ""}
${next}

Voir d'autres offres : ${data.searchUrl}
Suivre mes candidatures : ${publicUrl}/mes-candidatures`,
  });
}

export function applicationUndelivered(
  data: { firstName: string; target: Target; searchUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre candidature ${withPreposition("à", data.target.companyName)} n'a pas pu être remise`;
  const body = `Nous n'avons pas pu remettre votre ${candidature(data.target)} ${withPreposition("à", data.target.companyName)} : l'adresse e-mail du recruteur ne fonctionne pas. Votre CV a été effacé de nos serveurs. Nous en sommes désolés : tentez votre chance auprès d'autres entreprises.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(body)}
${button(data.searchUrl, "Chercher d'autres offres")}`,
    text: `Bonjour ${data.firstName},\n\n${body}\n\nChercher d'autres offres : ${data.searchUrl}`,
  });
}

export function offerClosedFull(
  data: { firstName: string; title: string; companyName: string; count: number; applicationsUrl: string },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre offre « ${data.title} » a reçu ${data.count} candidatures : elle est retirée`;
  const body = `Votre offre « ${data.title} » (${data.companyName}) a reçu ${data.count} candidatures. Pour que vous puissiez les examiner et que les candidats ne postulent pas en vain, nous l'avons retirée de Tremplin et de nos partenaires. Vous pouvez la remettre en ligne depuis votre espace si vous souhaitez en recevoir d'autres.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(body)}
${button(data.applicationsUrl, "Voir les candidatures")}`,
    text: `Bonjour ${data.firstName},\n\n${body}\n\nVoir les candidatures : ${data.applicationsUrl}`,
  });
}

export function offerUnpublishedAfterReport(
  data: { firstName: string; title: string; companyName: string; reasonLabel: string; note: string | null },
  { publicUrl }: MailContext,
): RenderedEmail {
  const subject = `Votre offre « ${data.title} » a été retirée de Tremplin`;
  const body = `À la suite d'un signalement (« ${data.reasonLabel} »), l'équipe Tremplin a examiné votre offre « ${data.title} » (${data.companyName}) et l'a retirée : elle n'est plus visible des candidats ni de nos partenaires.`;
  const contact = "Si vous pensez qu'il s'agit d'une erreur, répondez-nous depuis la page « Nous contacter » du site.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(body)}
${data.note ? html`${paragraph("Explication de l'équipe :")}${quote(data.note)}` : ""}
${paragraph(contact)}`,
    text: `Bonjour ${data.firstName},\n\n${body}\n${data.note ? `\nExplication de l'équipe :\n${textQuote(data.note)}\n` : ""}\n${contact}`,
  });
}
