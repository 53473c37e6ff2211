import { contactKindLabels, findContactDetail, stripHtml } from "@tremplin/core";
import type { OfferField } from "./offer-form-validation.js";

/** Each field's element id (where the error summary leads) and its name in the summary. */
export const offerFields: Record<OfferField, { id: string; label: string }> = {
  siret: { id: "offre-siret", label: "SIRET de l'entreprise" },
  job: { id: "offre-metier", label: "Métier" },
  start: { id: "offre-date-debut", label: "Date de début" },
  // DSFR numbers the boxes of a group `<fieldset id>-<index>`: the summary leads to the first one.
  contractTypes: { id: "offre-contrats-0", label: "Type de contrat" },
  diplomaLevel: { id: "offre-diplome", label: "Niveau de diplôme" },
  durationMonths: { id: "offre-duree", label: "Durée du contrat" },
  positions: { id: "offre-postes", label: "Nombre de postes" },
  rhythm: { id: "offre-rythme", label: "Rythme de l'alternance" },
  title: { id: "offre-intitule", label: "Intitulé de l'offre" },
  skills: { id: "offre-competences-0", label: "Compétences" },
  description: { id: "offre-description", label: "Description" },
  disabilityFriendly: { id: "offre-handicap-0", label: "Handicap" },
  companyDescription: { id: "offre-presentation", label: "Présentation de l'entreprise" },
  "contact.firstName": { id: "offre-contact-prenom", label: "Prénom du contact" },
  "contact.lastName": { id: "offre-contact-nom", label: "Nom du contact" },
  "contact.email": { id: "offre-contact-email", label: "E-mail du contact" },
  "contact.phone": { id: "offre-contact-telephone", label: "Téléphone du contact" },
};

/** Fields behind « Plus d'options »: an error there opens them. */
export const optionalFields: readonly string[] = [
  "contractTypes",
  "diplomaLevel",
  "durationMonths",
  "positions",
  "rhythm",
  "title",
  "skills",
  "description",
  "disabilityFriendly",
  "companyDescription",
];

/**
 * Said as soon as a free text holds an email, a website or a phone number, which the API will
 * refuse (core's own detector, on the text as the API will clean it).
 */
export function contactDetailWarning(text: string): string | undefined {
  const kind = findContactDetail(stripHtml(text));
  return kind
    ? `Ce texte contient ${contactKindLabels[kind]} : retirez-le. Les candidatures passent par Tremplin, qui vous les transmet.`
    : undefined;
}
