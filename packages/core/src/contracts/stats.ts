import { z } from "zod";
import { barometerQuerySchema, barometerSchema, offerStatsSchema } from "../schemas/stats.js";
import { defineRoute } from "./define.js";

const idParams = z.object({ id: z.uuid({ error: "Identifiant d'offre invalide." }) });
const posters = ["recruiter", "cfa", "opco", "chamber"] as const;

export const getMyOfferStats = defineRoute({
  method: "GET",
  path: "/api/v1/me/offers/:id/stats",
  summary: "L'audience d'une de mes offres, jour par jour",
  description:
    "Affichages dans la recherche, consultations de la page, clics sur « Postuler » et candidatures, par jour (heure de Paris), depuis la création de l'offre (90 jours au plus). Les compteurs sont regroupés par instance et écrits toutes les quelques secondes.",
  tags: ["Espace recruteur"],
  auth: { roles: posters },
  params: idParams,
  responses: { 200: offerStatsSchema },
});

export const recordApplyClick = defineRoute({
  method: "POST",
  path: "/api/v1/offers/:id/apply-click",
  summary: "Compter un candidat qui commence à postuler",
  tags: ["Offres"],
  auth: "public",
  hidden: true,
  rateLimitPerMinute: 30,
  params: idParams,
  responses: { 204: z.null() },
});

export const getBarometer = defineRoute({
  method: "GET",
  path: "/api/v1/stats/barometer",
  summary: "Baromètre public : offres, candidatures, réponses et recrutements, par mois et par région",
  description:
    "answerRate : part des candidatures d'au moins 7 jours qui ont reçu une première réponse (entretien, refus ou recrutement) en 7 jours. medianDaysToFirstAnswer : délai médian de cette première réponse. hires : candidatures marquées recrutées par le recruteur ou déclarées signées par le candidat. Une candidature compte au mois où elle a été envoyée, une offre au mois de sa publication ; la région est celle du lieu de l'offre ou de l'établissement.",
  tags: ["Statistiques"],
  auth: "public",
  rateLimitPerMinute: 30,
  query: barometerQuerySchema,
  responses: { 200: barometerSchema },
});
