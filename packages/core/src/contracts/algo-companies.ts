import { z } from "zod";
import {
  adminCompanySchema,
  algoRunDetailSchema,
  algoRunSchema,
  companyOverrideSchema,
  decisionReasonSchema,
  delistingConfirmedSchema,
  delistingRequestCardSchema,
  delistingRequestSchema,
  listingRequestCardSchema,
  listingRequestSchema,
  publicationSchema,
  recruitingCompanySchema,
  requestQueueQuerySchema,
  requestReceivedSchema,
} from "../schemas/algo-companies.js";
import { defineRoute } from "./define.js";

const publicTags = ["Entreprises qui recrutent"] as const;
const adminTags = ["Administration de l'algorithme"] as const;
// The route takes any string: the service answers SIRET_INVALID with a helpful message.
const siretParams = z.object({ siret: z.string().max(64).meta({ example: "356 000 000 00048" }) });
const requestId = z.object({ id: z.uuid({ error: "Identifiant de demande invalide." }) });
const runId = z.object({ id: z.string().regex(/^\d{1,9}$/, "Numéro de calcul invalide.") });
const admin = { roles: ["admin"] } as const;
// OPCO advisers see and act on the listing requests of their own OPCO's companies.
const listingDeciders = { roles: ["admin", "opco"] } as const;

export const getRecruitingCompany = defineRoute({
  method: "GET",
  path: "/api/v1/companies/:siret/recruiting",
  summary: "Fiche publique d'une entreprise susceptible de recruter en alternance",
  description:
    "Nom, activité, commune, position et métiers (score 0–100 et explication) d'une entreprise exposée par l'algorithme. " +
    "404 ALGO_COMPANY_NOT_EXPOSED quand elle ne l'est pas (ou plus). Ni contact ni nombre prédit.",
  tags: publicTags,
  auth: "public",
  params: siretParams,
  responses: { 200: recruitingCompanySchema },
  rateLimitPerMinute: 60,
});

export const createDelistingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/companies/:siret/delisting-requests",
  summary: "Déréférencer mon entreprise",
  description:
    "Si l'adresse est celle du contact que nous connaissons pour l'entreprise, un lien de confirmation lui est envoyé et le retrait " +
    "prend effet au clic ; sinon la demande est examinée par l'équipe. La réponse est la même dans les deux cas. Le retrait est " +
    "immédiat dans la recherche et vaut pour tous les calculs suivants.",
  tags: publicTags,
  auth: "public",
  params: siretParams,
  body: delistingRequestSchema,
  responses: { 202: requestReceivedSchema },
  rateLimitPerMinute: 5,
});

export const confirmDelisting = defineRoute({
  method: "POST",
  path: "/api/v1/companies/delisting-confirmations",
  summary: "Confirmer un déréférencement avec le jeton reçu par e-mail",
  description:
    "La page /entreprises/dereferencement/confirmation?jeton=… envoie le jeton ici. Valable 7 jours ; un second envoi ne refait rien.",
  tags: publicTags,
  auth: "public",
  body: z.object({ token: z.string().min(20).max(200) }),
  responses: { 200: delistingConfirmedSchema },
  rateLimitPerMinute: 20,
});

export const createListingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/companies/:siret/listing-requests",
  summary: "Référencer mon entreprise",
  description:
    "L'entreprise indique un contact et les métiers pour lesquels elle accueille des alternants. La demande est examinée par " +
    "l'équipe ou par l'OPCO de l'entreprise ; une fois acceptée, l'entreprise est exposée pour ces métiers, calcul après calcul.",
  tags: publicTags,
  auth: "public",
  params: siretParams,
  body: listingRequestSchema,
  responses: { 202: requestReceivedSchema },
  rateLimitPerMinute: 5,
});

export const listDelistingRequests = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/delisting-requests",
  summary: "Demandes de déréférencement (file de l'administration)",
  tags: adminTags,
  auth: admin,
  query: requestQueueQuerySchema,
  responses: { 200: z.object({ items: z.array(delistingRequestCardSchema) }) },
});

export const acceptDelistingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/admin/algo/delisting-requests/:id/accept",
  summary: "Retirer l'entreprise (la personne qui a demandé est prévenue)",
  tags: adminTags,
  auth: admin,
  params: requestId,
  responses: { 200: delistingRequestCardSchema },
});

export const refuseDelistingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/admin/algo/delisting-requests/:id/refuse",
  summary: "Refuser une demande de déréférencement (motif transmis)",
  tags: adminTags,
  auth: admin,
  params: requestId,
  body: decisionReasonSchema,
  responses: { 200: delistingRequestCardSchema },
});

export const listListingRequests = defineRoute({
  method: "GET",
  path: "/api/v1/algo/listing-requests",
  summary: "Demandes de référencement (administration : toutes ; conseiller OPCO : celles de son OPCO)",
  tags: adminTags,
  auth: listingDeciders,
  query: requestQueueQuerySchema,
  responses: { 200: z.object({ items: z.array(listingRequestCardSchema) }) },
});

export const acceptListingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/algo/listing-requests/:id/accept",
  summary: "Accepter : l'entreprise est exposée pour les métiers demandés, dès maintenant et aux calculs suivants",
  tags: adminTags,
  auth: listingDeciders,
  params: requestId,
  responses: { 200: listingRequestCardSchema },
});

export const refuseListingRequest = defineRoute({
  method: "POST",
  path: "/api/v1/algo/listing-requests/:id/refuse",
  summary: "Refuser une demande de référencement (motif transmis)",
  tags: adminTags,
  auth: listingDeciders,
  params: requestId,
  body: decisionReasonSchema,
  responses: { 200: listingRequestCardSchema },
});

export const getAdminCompany = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/companies/:siret",
  summary: "Exposition d'une entreprise : métiers, score, contact, ajustements, historique",
  tags: adminTags,
  auth: admin,
  params: siretParams,
  responses: { 200: adminCompanySchema },
});

export const updateAdminCompany = defineRoute({
  method: "PATCH",
  path: "/api/v1/admin/algo/companies/:siret",
  summary:
    "Modifier le contact, ajouter ou retirer des métiers, mettre en avant (effet immédiat et aux calculs suivants)",
  tags: adminTags,
  auth: admin,
  params: siretParams,
  body: companyOverrideSchema,
  responses: { 200: adminCompanySchema },
});

export const listRuns = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/runs",
  summary: "Calculs de l'algorithme (évaluations et scores), le publié et le précédent signalés",
  tags: adminTags,
  auth: admin,
  responses: { 200: z.object({ items: z.array(algoRunSchema) }) },
});

export const getRun = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/runs/:id",
  summary: "Un calcul, son résumé et son rapport d'évaluation (JSON)",
  tags: adminTags,
  auth: admin,
  params: runId,
  responses: { 200: algoRunDetailSchema },
});

export const getRunReportMarkdown = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/runs/:id/report.md",
  summary: "Rapport d'évaluation en Markdown (text/markdown)",
  tags: adminTags,
  auth: admin,
  params: runId,
  responses: { 200: z.string() },
});

export const getRunReportSvg = defineRoute({
  method: "GET",
  path: "/api/v1/admin/algo/runs/:id/report.svg",
  summary: "Graphique des courbes de captation (image/svg+xml), à afficher dans l'administration",
  tags: adminTags,
  auth: admin,
  params: runId,
  responses: { 200: z.string() },
});

export const publishRun = defineRoute({
  method: "POST",
  path: "/api/v1/admin/algo/runs/:id/publish",
  summary: "Publier ce calcul (bascule atomique ; le calcul remplacé reste disponible pour revenir en arrière)",
  tags: adminTags,
  auth: admin,
  params: runId,
  responses: { 200: publicationSchema },
});

export const rollbackPublication = defineRoute({
  method: "POST",
  path: "/api/v1/admin/algo/rollback",
  summary: "Revenir à la publication précédente",
  tags: adminTags,
  auth: admin,
  responses: { 200: publicationSchema },
});
