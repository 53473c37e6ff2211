import { z } from "zod";
import {
  adminReportSchema,
  createReportSchema,
  reportDecisionSchema,
  reportReceiptSchema,
  reportStatuses,
} from "../schemas/application-report.js";
import { defineRoute } from "./define.js";

const idParams = z.object({ id: z.uuid({ error: "Identifiant de signalement invalide." }) });

export const createReport = defineRoute({
  method: "POST",
  path: "/api/v1/reports",
  summary: "Signaler une offre ou une entreprise",
  description: "Le signalement rejoint la file de l'équipe Tremplin, qui peut dépublier l'offre ou l'entreprise.",
  tags: ["Signalements"],
  auth: "public",
  rateLimitPerMinute: 5,
  body: createReportSchema,
  responses: { 201: reportReceiptSchema },
});

export const listReports = defineRoute({
  method: "GET",
  path: "/api/v1/admin/reports",
  summary: "File des signalements (les plus anciens d'abord)",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  query: z.object({ status: z.enum(reportStatuses).default("open") }),
  responses: { 200: z.object({ items: z.array(adminReportSchema) }) },
});

export const unpublishReported = defineRoute({
  method: "POST",
  path: "/api/v1/admin/reports/:id/unpublish",
  summary: "Dépublier l'offre ou l'entreprise signalée (et clore ses signalements)",
  description:
    "Une offre passe à l'état « annulée » (retirée de la recherche et des flux partenaires ; son gestionnaire est prévenu par e-mail). Une entreprise ne reçoit plus de candidatures spontanées.",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: reportDecisionSchema,
  responses: { 200: adminReportSchema },
});

export const dismissReport = defineRoute({
  method: "POST",
  path: "/api/v1/admin/reports/:id/dismiss",
  summary: "Classer sans suite les signalements de cette offre ou entreprise",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: reportDecisionSchema,
  responses: { 200: adminReportSchema },
});
