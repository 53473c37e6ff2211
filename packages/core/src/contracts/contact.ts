import { z } from "zod";
import {
  apiKeyRequestSchema,
  apiKeyRequestStatuses,
  contactMessageReceiptSchema,
  createContactMessageSchema,
  grantApiKeySchema,
  refuseApiKeySchema,
  siteInfoSchema,
} from "../schemas/contact.js";
import { defineRoute } from "./define.js";

const idParams = z.object({ id: z.uuid({ error: "Identifiant de demande invalide." }) });

export const createContactMessage = defineRoute({
  method: "POST",
  path: "/api/v1/contact-messages",
  summary: "Écrire à l'équipe Tremplin (formulaire de contact)",
  description:
    "Le message est enregistré et transmis par e-mail à l'équipe. Le sujet « api_key » ouvre aussi une demande de clé d'API partenaire, qu'un administrateur accorde ou refuse.",
  tags: ["Contact"],
  auth: "public",
  rateLimitPerMinute: 3,
  body: createContactMessageSchema,
  responses: { 201: contactMessageReceiptSchema },
});

export const siteInfo = defineRoute({
  method: "GET",
  path: "/api/v1/site-info",
  summary: "Qui édite le service (mentions légales, données personnelles)",
  tags: ["Contact"],
  auth: "public",
  responses: { 200: siteInfoSchema },
});

export const listApiKeyRequests = defineRoute({
  method: "GET",
  path: "/api/v1/admin/api-key-requests",
  summary: "Demandes de clé d'API partenaire (les plus anciennes d'abord)",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  query: z.object({ status: z.enum(apiKeyRequestStatuses).default("pending") }),
  responses: { 200: z.object({ items: z.array(apiKeyRequestSchema) }) },
});

export const grantApiKeyRequest = defineRoute({
  method: "POST",
  path: "/api/v1/admin/api-key-requests/:id/grant",
  summary: "Accorder la clé : elle est créée et envoyée une seule fois par e-mail au demandeur",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: grantApiKeySchema,
  responses: { 200: apiKeyRequestSchema },
});

export const refuseApiKeyRequest = defineRoute({
  method: "POST",
  path: "/api/v1/admin/api-key-requests/:id/refuse",
  summary: "Refuser la demande (le demandeur est prévenu par e-mail)",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: refuseApiKeySchema,
  responses: { 200: apiKeyRequestSchema },
});
