import { z } from "zod";
import {
  cfaAnswerInputSchema,
  cfaAnswerResultSchema,
  cfaInboxItemSchema,
  cfaInboxSchema,
  cfaLinkRequestSchema,
  cfaOptOutResultSchema,
  cfaOrganisationStateSchema,
  cfaSuggestionsSchema,
  createCfaRequestsSchema,
  offerCfaRequestsSchema,
  trainingSearchQuerySchema,
  trainingSearchResultSchema,
} from "../schemas/cfa-matching.js";
import { defineRoute } from "./define.js";

const idParams = z.object({ id: z.uuid({ error: "Identifiant invalide." }) });
const posters = ["recruiter", "cfa", "opco", "chamber"] as const;
const token = z.object({ token: z.string().min(20).max(600) });

export const getCfaSuggestions = defineRoute({
  method: "GET",
  path: "/api/v1/offers/:id/cfa-suggestions",
  summary: "CFA proches qui forment au métier de mon offre",
  description:
    "Au plus 10 CFA certifiés qualité, dans un rayon de CFA_MATCH_RADIUS_KM (100 km par défaut) autour du lieu de travail, qui proposent une formation au métier de l'offre (même fiche ROME, puis code ROME parent, puis même domaine professionnel). Triés par distance puis pertinence, chacun avec ses formations correspondantes. Réservé à qui gère l'offre.",
  tags: ["Mise en relation CFA"],
  auth: { roles: posters },
  params: idParams,
  responses: { 200: cfaSuggestionsSchema },
});

export const createCfaRequests = defineRoute({
  method: "POST",
  path: "/api/v1/offers/:id/cfa-requests",
  summary: "Faire connaître mon besoin aux CFA choisis",
  description:
    "Chaque CFA choisi (parmi les suggestions) reçoit un e-mail avec le besoin et un lien pour répondre sans compte ; le recruteur reçoit un récapitulatif, puis chaque réponse. Pour une offre pas encore en ligne, les demandes partent à sa publication. Un CFA déjà sollicité pour l'offre ne l'est pas deux fois.",
  tags: ["Mise en relation CFA"],
  auth: { roles: posters },
  params: idParams,
  body: createCfaRequestsSchema,
  responses: { 201: offerCfaRequestsSchema },
});

export const listOfferCfaRequests = defineRoute({
  method: "GET",
  path: "/api/v1/offers/:id/cfa-requests",
  summary: "Les CFA sollicités pour mon offre et leurs réponses",
  tags: ["Mise en relation CFA"],
  auth: { roles: posters },
  params: idParams,
  responses: { 200: offerCfaRequestsSchema },
});

export const readCfaLink = defineRoute({
  method: "POST",
  path: "/api/v1/cfa-links/request",
  summary: "La demande d'une entreprise, depuis le lien de l'e-mail reçu par le CFA",
  description:
    "Ne modifie rien : la page /cfa/demande?jeton=… l'appelle à l'ouverture, puis répond avec /api/v1/cfa-links/answer quand la personne clique.",
  tags: ["Mise en relation CFA"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: token,
  responses: { 200: cfaLinkRequestSchema },
});

export const answerCfaLink = defineRoute({
  method: "POST",
  path: "/api/v1/cfa-links/answer",
  summary: "Répondre à une entreprise sans compte : je propose des candidats, ou pas pour le moment",
  description: "La même réponse donnée deux fois ne prévient l'entreprise qu'une fois ; une réponse peut être changée.",
  tags: ["Mise en relation CFA"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: token.extend(cfaAnswerInputSchema.shape),
  responses: { 200: cfaAnswerResultSchema },
});

export const optOutCfaLink = defineRoute({
  method: "POST",
  path: "/api/v1/cfa-links/opt-out",
  summary: "Ne plus recevoir de demandes d'entreprises (lien présent dans chaque e-mail)",
  description: "Effet immédiat : le CFA n'est plus suggéré et les demandes en attente ne partent pas.",
  tags: ["Mise en relation CFA"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: token,
  responses: { 200: cfaOptOutResultSchema },
});

export const optInCfaLink = defineRoute({
  method: "POST",
  path: "/api/v1/cfa-links/opt-in",
  summary: "Recevoir de nouveau les demandes d'entreprises (annule la désinscription)",
  tags: ["Mise en relation CFA"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: token,
  responses: { 200: cfaOptOutResultSchema },
});

export const listCfaInbox = defineRoute({
  method: "GET",
  path: "/api/v1/cfa/requests",
  summary: "Espace CFA : les demandes des entreprises",
  description:
    "Les demandes envoyées aux SIRET des comptes CFA de la personne (comptes confirmés), les plus récentes d'abord.",
  tags: ["Espace CFA"],
  auth: { roles: ["cfa"] },
  responses: { 200: cfaInboxSchema },
});

export const answerCfaRequest = defineRoute({
  method: "POST",
  path: "/api/v1/cfa/requests/:id/answer",
  summary: "Espace CFA : répondre à une demande",
  tags: ["Espace CFA"],
  auth: { roles: ["cfa"] },
  params: idParams,
  body: cfaAnswerInputSchema,
  responses: { 200: cfaInboxItemSchema },
});

export const setCfaPreferences = defineRoute({
  method: "PUT",
  path: "/api/v1/cfa/organisations/:siret/preferences",
  summary: "Espace CFA : recevoir ou non les demandes des entreprises",
  tags: ["Espace CFA"],
  auth: { roles: ["cfa"] },
  params: z.object({ siret: z.string().max(32) }),
  body: z.object({ acceptsRequests: z.boolean() }),
  responses: { 200: cfaOrganisationStateSchema },
});

export const searchTrainings = defineRoute({
  method: "GET",
  path: "/api/v1/formations/search",
  summary: "Formations en apprentissage qui mènent à un métier, autour d'un lieu",
  description:
    "Formations d'organismes certifiés qualité dont un code ROME est l'un des codes demandés (ou leur code ROME classique), dans le rayon, les plus proches d'abord, avec leur distance.",
  tags: ["Formations"],
  auth: "public",
  query: trainingSearchQuerySchema,
  responses: { 200: trainingSearchResultSchema },
});
