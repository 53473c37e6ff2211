import { z } from "zod";
import {
  closeOfferSchema,
  eraseCandidateDataSchema,
  receivedApplicationsQuerySchema,
  receivedApplicationsSchema,
  sentApplicationSchema,
  sentApplicationsSchema,
  updateReceivedApplicationResultSchema,
  updateReceivedApplicationSchema,
} from "../schemas/application-lifecycle.js";
import { ownerOfferSchema } from "../schemas/offer.js";
import { defineRoute } from "./define.js";

const candidateTags = ["Espace candidat"] as const;
const space = ["Espace recruteur"] as const;
const posters = ["recruiter", "cfa", "opco", "chamber"] as const;
const idParams = z.object({ id: z.uuid({ error: "Identifiant invalide." }) });

// — Candidates (signed in by the magic link sent to the address they applied with) —

export const listSentApplications = defineRoute({
  method: "GET",
  path: "/api/v1/me/sent-applications",
  summary: "Mes candidatures envoyées et leur état",
  description:
    "Toutes les candidatures envoyées avec l'adresse e-mail de la personne connectée, les plus récentes d'abord, avec l'état donné par le recruteur et sa réponse.",
  tags: candidateTags,
  auth: { roles: ["candidate"] },
  responses: { 200: sentApplicationsSchema },
});

export const withdrawSentApplication = defineRoute({
  method: "POST",
  path: "/api/v1/me/sent-applications/:id/withdraw",
  summary: "Retirer ma candidature (le recruteur est prévenu)",
  tags: candidateTags,
  auth: { roles: ["candidate"] },
  params: idParams,
  responses: { 200: sentApplicationSchema },
});

export const declareContractSigned = defineRoute({
  method: "POST",
  path: "/api/v1/me/sent-applications/:id/contract-signed",
  summary: "« J'ai signé un contrat » pour cette candidature",
  tags: candidateTags,
  auth: { roles: ["candidate"] },
  params: idParams,
  responses: { 200: sentApplicationSchema },
});

export const eraseCandidateData = defineRoute({
  method: "POST",
  path: "/api/v1/me/candidate-data/erase",
  summary: "Effacer mes données : candidatures anonymisées, CV effacés, compte supprimé",
  description: 'Irréversible. Le corps doit contenir { confirm: "EFFACER" }. La session est fermée.',
  tags: candidateTags,
  auth: { roles: ["candidate"] },
  rateLimitPerMinute: 10,
  body: eraseCandidateDataSchema,
  responses: { 204: z.null() },
});

// — Recruiters: one inbox across offers and spontaneous applications —

export const listReceivedApplications = defineRoute({
  method: "GET",
  path: "/api/v1/me/received-applications",
  summary: "Toutes les candidatures reçues (offres et spontanées), filtrables, avec les nombres par état",
  tags: space,
  auth: { roles: posters },
  query: receivedApplicationsQuerySchema,
  responses: { 200: receivedApplicationsSchema },
});

export const updateReceivedApplication = defineRoute({
  method: "PATCH",
  path: "/api/v1/me/received-applications/:id",
  summary: "Changer l'état d'une candidature (le candidat le voit) ou sa note privée",
  description:
    "États : seen (en cours d'examen), interview, refused (motif obligatoire), hired. Une candidature avance et ne revient pas en arrière. Le candidat reçoit un e-mail pour chaque nouvel état, jamais la note.",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  body: updateReceivedApplicationSchema,
  responses: { 200: updateReceivedApplicationResultSchema },
});

export const downloadReceivedApplicationCv = defineRoute({
  method: "GET",
  path: "/api/v1/me/received-applications/:id/cv",
  summary: "Télécharger le CV d'une candidature reçue (conservé CV_RETENTION_DAYS jours)",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  responses: { 200: z.string().meta({ description: "Le fichier (PDF ou .docx)" }) },
});

export const closeOfferWithReason = defineRoute({
  method: "POST",
  path: "/api/v1/me/offers/:id/close",
  summary: "Clôturer une offre en disant pourquoi (recruté par Tremplin — qui —, ailleurs, plus besoin)",
  tags: space,
  auth: { roles: posters },
  params: idParams,
  body: closeOfferSchema,
  responses: { 200: ownerOfferSchema },
});
