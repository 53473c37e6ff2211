import { formatFrenchDate, withPreposition } from "@tremplin/core";
import { html } from "../html.js";
import type { MailContext } from "./accounts.js";
import { button, layout, paragraph, type RenderedEmail } from "./layout.js";

const km = (n: number) => `${n.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} km`;
const link = (url: string, label: string) => html`<a href="${url}" style="color:#000091">${label}</a>`;

export interface CfaRequestOfferData {
  title: string;
  romeLabel: string;
  companyName: string;
  city: string | null;
  postalCode: string | null;
  startDate: string | null;
  contractTypes: string;
  diplomaLevel: string | null;
  durationMonths: number;
  positions: number;
  rhythm: string | null;
}

/** The offer as a list of facts, the same in the HTML and the text version. */
function offerFacts(o: CfaRequestOfferData): Array<[string, string]> {
  return [
    ["Métier", o.title === o.romeLabel ? o.title : `${o.title} (${o.romeLabel})`],
    ["Entreprise", o.companyName],
    ["Lieu", [o.postalCode, o.city].filter(Boolean).join(" ") || "non précisé"],
    ["Début", o.startDate ? `le ${formatFrenchDate(o.startDate)}` : "dès que possible"],
    ["Contrat", `${o.contractTypes}, ${o.durationMonths} mois`],
    ["Diplôme préparé", o.diplomaLevel ?? "indifférent"],
    ["Postes", String(o.positions)],
    ...(o.rhythm ? ([["Rythme", o.rhythm]] as Array<[string, string]>) : []),
  ];
}

/** To a CFA: a company near it looks for an apprentice in a job it trains for. */
export function cfaRequest(
  data: {
    cfaName: string;
    offer: CfaRequestOfferData;
    contact: { name: string; email: string; phone: string | null };
    distanceKm: number;
    /** How the CFA's trainings match the job: the wording differs for a mere domain match. */
    match: "exact" | "parent" | "domain";
    trainings: string[];
    offerUrl: string | null;
    candidatesUrl: string;
    noCandidateUrl: string;
    spaceUrl: string | null;
    optOutUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const o = data.offer;
  const subject = `Une entreprise cherche un alternant : ${o.title}${o.city ? ` ${withPreposition("à", o.city)}` : ""}`;
  const facts = offerFacts(o);
  const trainings = data.trainings.length > 0 ? data.trainings.join(" ; ") : "";
  const why = `${data.match === "domain" ? "vous formez à des métiers du même domaine" : "vous formez à ce métier"}${trainings ? ` (${trainings})` : ""}`;
  const contactLine = `${data.contact.name}, ${data.contact.email}${data.contact.phone ? `, ${data.contact.phone}` : ""}`;
  return layout({
    subject,
    preheader: `${o.companyName} a choisi votre centre pour lui présenter des candidats`,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.cfaName},`)}
${paragraph(`${o.companyName} recrute en alternance à ${km(data.distanceKm)} de votre centre et a choisi de vous faire connaître son besoin sur Tremplin : ${why}.`)}
<table role="presentation" cellspacing="0" cellpadding="0" style="margin:0 0 16px 0;border-collapse:collapse">${facts.map(([k, v]) => html`<tr><td style="padding:4px 12px 4px 0;color:#666666;vertical-align:top">${k}</td><td style="padding:4px 0"><strong>${v}</strong></td></tr>`)}</table>
${paragraph(`Contact de l'entreprise : ${contactLine}. L'entreprise a demandé cette mise en relation : vous pouvez lui écrire ou l'appeler directement.`)}
${paragraph("Avez-vous des candidats à lui présenter ? Dites-le en un clic, sans compte : l'entreprise est prévenue aussitôt.")}
${button(data.candidatesUrl, "Je propose des candidats")}
<p style="margin:0 0 16px 0">${link(data.noCandidateUrl, "Pas de candidat pour le moment")}</p>
${data.offerUrl ? html`<p style="margin:0 0 16px 0">${link(data.offerUrl, "Voir l'offre en ligne")}</p>` : ""}
${data.spaceUrl ? html`<p style="margin:0 0 16px 0">Cette demande est aussi dans ${link(data.spaceUrl, "votre espace CFA")}.</p>` : ""}
<p style="margin:24px 0 0 0;font-size:13px;color:#666666">Vous recevez ce message parce que votre centre figure au catalogue des formations en apprentissage. ${link(data.optOutUrl, "Ne plus recevoir de demandes d'entreprises")} (effet immédiat).</p>`,
    text: `Bonjour ${data.cfaName},

${o.companyName} recrute en alternance à ${km(data.distanceKm)} de votre centre et a choisi de vous faire connaître son besoin sur Tremplin : ${why}.

${facts.map(([k, v]) => `- ${k} : ${v}`).join("\n")}

Contact de l'entreprise : ${contactLine}. L'entreprise a demandé cette mise en relation : vous pouvez lui écrire ou l'appeler directement.

Avez-vous des candidats à lui présenter ? Dites-le en un clic, sans compte : l'entreprise est prévenue aussitôt.
- Je propose des candidats : ${data.candidatesUrl}
- Pas de candidat pour le moment : ${data.noCandidateUrl}
${data.offerUrl ? `\nVoir l'offre en ligne : ${data.offerUrl}\n` : ""}${data.spaceUrl ? `\nCette demande est aussi dans votre espace CFA : ${data.spaceUrl}\n` : ""}
Vous recevez ce message parce que votre centre figure au catalogue des formations en apprentissage. Ne plus recevoir de demandes d'entreprises (effet immédiat) : ${data.optOutUrl}`,
  });
}

/** To the recruiter, after choosing CFAs: who was asked, and when they will be. */
export function cfaRequestsRecap(
  data: {
    firstName: string;
    title: string;
    companyName: string;
    held: boolean;
    cfas: Array<{ name: string; city: string | null; distanceKm: number }>;
    requestsUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const n = data.cfas.length;
  const subject = `Votre besoin « ${data.title} » ${data.held ? "sera transmis" : "a été transmis"} à ${n} CFA`;
  const lines = data.cfas.map((c) => `${c.name}${c.city ? `, ${c.city}` : ""} (${km(c.distanceKm)})`);
  const when = data.held
    ? "Votre offre n'est pas encore en ligne (votre compte doit d'abord être confirmé) : les CFA recevront votre demande dès sa publication."
    : "Ils viennent de recevoir votre demande avec vos coordonnées.";
  const next =
    "Chaque CFA peut vous proposer des candidats ou vous dire qu'il n'en a pas pour le moment : nous vous transmettrons chaque réponse par e-mail.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(`Vous avez choisi de faire connaître votre besoin « ${data.title} » (${data.companyName}) à ${n === 1 ? "ce centre de formation" : `ces ${n} centres de formation`} :`)}
<ul style="margin:0 0 16px 0;padding-left:20px">${lines.map((l) => html`<li>${l}</li>`)}</ul>
${paragraph(when)}
${paragraph(next)}
${button(data.requestsUrl, "Suivre les réponses")}`,
    text: `Bonjour ${data.firstName},

Vous avez choisi de faire connaître votre besoin « ${data.title} » (${data.companyName}) à ${n === 1 ? "ce centre de formation" : `ces ${n} centres de formation`} :
${lines.map((l) => `- ${l}`).join("\n")}

${when}

${next}

Suivre les réponses : ${data.requestsUrl}`,
  });
}

/** To the recruiter, each time a CFA answers. */
export function cfaAnswerReceived(
  data: {
    firstName: string;
    title: string;
    cfaName: string;
    cfaCity: string | null;
    answer: "candidates" | "no_candidate";
    message: string | null;
    cfaEmail: string | null;
    requestsUrl: string;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const who = `${data.cfaName}${data.cfaCity ? ` (${data.cfaCity})` : ""}`;
  const candidates = data.answer === "candidates";
  const subject = candidates
    ? `${data.cfaName} vous propose des candidats pour « ${data.title} »`
    : `${data.cfaName} n'a pas de candidat pour « ${data.title} » pour le moment`;
  const lead = candidates
    ? `${who} a des candidats à vous présenter pour votre offre « ${data.title} ». Le centre va vous contacter${data.cfaEmail ? ` ; vous pouvez aussi lui écrire : ${data.cfaEmail}` : ""}.`
    : `${who} n'a pas de candidat à vous présenter pour votre offre « ${data.title} » pour le moment. Il garde votre besoin en tête.`;
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(lead)}
${data.message ? html`<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #000091;background:#f6f6f6">${data.message}</blockquote>` : ""}
${button(data.requestsUrl, "Voir toutes les réponses")}`,
    text: `Bonjour ${data.firstName},

${lead}
${data.message ? `\nMessage du centre :\n« ${data.message} »\n` : ""}
Voir toutes les réponses : ${data.requestsUrl}`,
  });
}

/** To a recruiter whose offers get few applications: CFAs nearby train for these jobs. */
export function cfaMatchingInvitation(
  data: {
    firstName: string;
    offers: Array<{ title: string; companyName: string; city: string | null; cfaCount: number; url: string }>;
  },
  { publicUrl }: MailContext,
): RenderedEmail {
  const one = data.offers.length === 1;
  const first = data.offers[0];
  const subject =
    one && first
      ? `Des CFA proches forment au métier de votre offre « ${first.title} »`
      : "Des CFA proches forment aux métiers de vos offres";
  const lines = data.offers.map(
    (o) => `« ${o.title} » (${o.companyName}${o.city ? `, ${o.city}` : ""}) : ${o.cfaCount} CFA à proximité`,
  );
  const intro =
    "Vos candidats se font attendre ? Les centres de formation d'apprentis (CFA) ont souvent des jeunes qui cherchent une entreprise. En un clic, faites-leur connaître votre besoin : ils vous répondent directement.";
  return layout({
    subject,
    publicUrl,
    body: html`${paragraph(`Bonjour ${data.firstName},`)}
${paragraph(intro)}
<ul style="margin:0 0 16px 0;padding-left:20px">${data.offers.map((o, i) => html`<li>${lines[i] ?? ""} — ${link(o.url, "choisir les CFA")}</li>`)}</ul>
${first ? button(first.url, "Faire connaître mon besoin aux CFA") : ""}
${paragraph("Nous ne vous écrirons pas une seconde fois à ce sujet pour ces offres.")}`,
    text: `Bonjour ${data.firstName},

${intro}

${data.offers.map((o, i) => `- ${lines[i] ?? ""} : ${o.url}`).join("\n")}

Nous ne vous écrirons pas une seconde fois à ce sujet pour ces offres.`,
  });
}
