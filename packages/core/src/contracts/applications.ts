import { z } from "zod";
import { answerByLinkSchema, answerFromSpaceSchema, applicationMultipartBodySchema } from "../schemas/application.js";
import {
  answerLinkPreviewSchema,
  answerResultSchema,
  applicationReceiptSchema,
  offerApplicationsSchema,
  recruiterApplicationSchema,
} from "../schemas/application-views.js";
import { defineRoute } from "./define.js";

const tags = ["Candidatures"] as const;
const space = ["Espace recruteur"] as const;
const posters = ["recruiter", "cfa", "opco", "chamber"] as const;
const idParams = z.object({ id: z.uuid({ error: "Identifiant invalide." }) });

/**
 * Applying. The body is multipart/form-data (a file travels with the fields), so this contract is
 * mounted by the applications module itself (`bodyEncoding`): the fields are validated with
 * `applicationFieldsSchema`, the `cv` part is streamed with a hard 3 MB limit. The web client sends
 * a FormData built from the same field names.
 */
export const submitApplication = defineRoute({
  method: "POST",
  path: "/api/v1/applications",
  bodyEncoding: "multipart/form-data",
  summary: "Envoyer une candidature (à une offre, ou spontanée à une entreprise)",
  description:
    "Corps multipart/form-data : les champs texte, puis le fichier `cv` (PDF ou .docx, 3 Mo au plus ; obligatoire pour une candidature spontanée). La candidature est transmise par e-mail au recruteur, CV joint, et une copie est envoyée au candidat ; l'adresse du recruteur n'est jamais communiquée. Limites : 3 candidatures par candidat et par cible, 100 par candidat et par 24 heures, et un nombre de requêtes par minute et par adresse IP (par clé pour les partenaires). Les partenaires envoient leur clé d'API (portée `applications:write`) : leur nom est enregistré avec la candidature. Un fichier trop lourd reçoit 413 CV_TOO_LARGE, un fichier dont le contenu ne correspond pas à l'extension 422 CV_CONTENT_MISMATCH.",
  tags,
  auth: "public",
  body: applicationMultipartBodySchema,
  responses: { 201: applicationReceiptSchema },
});

export const previewAnswerLink = defineRoute({
  method: "POST",
  path: "/api/v1/applications/answer-link/preview",
  summary: "Lire la candidature visée par un lien de réponse (sans rien changer)",
  description:
    "La page ouverte depuis l'e-mail du recruteur affiche la candidature et la réponse proposée avant que le recruteur confirme.",
  tags,
  auth: "public",
  rateLimitPerMinute: 60,
  body: z.object({ token: z.string().min(20).max(600) }),
  responses: { 200: answerLinkPreviewSchema },
});

export const answerByLink = defineRoute({
  method: "POST",
  path: "/api/v1/applications/answer-link",
  summary: "Répondre à une candidature depuis l'e-mail, sans compte (entretien, refus, pas encore)",
  description:
    "Le jeton signé vaut pour une candidature et une réponse. Le candidat reçoit la réponse par e-mail. Un second clic ne renvoie rien : `applied` vaut false. Un refus demande un motif (`reason`).",
  tags,
  auth: "public",
  rateLimitPerMinute: 30,
  body: answerByLinkSchema,
  responses: { 200: answerResultSchema },
});

export const listOfferApplications = defineRoute({
  method: "GET",
  path: "/api/v1/me/offers/:id/applications",
  summary: "Les candidatures reçues pour une de mes offres, avec leur état",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  responses: { 200: offerApplicationsSchema },
});

export const exportOfferApplications = defineRoute({
  method: "GET",
  path: "/api/v1/me/offers/:id/applications.csv",
  summary: "Exporter les candidatures d'une offre (CSV, séparateur point-virgule, UTF-8)",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  responses: { 200: z.string().meta({ description: "Fichier CSV (text/csv)" }) },
});

export const listSpontaneousApplications = defineRoute({
  method: "GET",
  path: "/api/v1/me/spontaneous-applications",
  summary: "Les candidatures spontanées reçues par mes établissements",
  tags: space,
  auth: { roles: ["recruiter"] },
  responses: { 200: z.object({ items: z.array(recruiterApplicationSchema) }) },
});

export const answerFromSpace = defineRoute({
  method: "POST",
  path: "/api/v1/me/applications/:id/answer",
  summary: "Répondre à une candidature depuis mon espace",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  body: answerFromSpaceSchema,
  responses: { 200: answerResultSchema },
});
