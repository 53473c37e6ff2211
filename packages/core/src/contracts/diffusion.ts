import { z } from "zod";
import { offerEvents } from "../schemas/diffusion.js";
import { createOfferSchema, publicOfferSchema } from "../schemas/offer.js";
import { defineRoute } from "./define.js";

const tags = ["Diffusion (partenaires)"] as const;
const idParams = z.object({ id: z.uuid({ error: "Identifiant d'offre invalide." }) });

export const listOffersSince = defineRoute({
  method: "GET",
  path: "/api/v1/offers",
  summary: "Synchroniser les offres modifiées depuis une date",
  description:
    "Toutes les offres publiées un jour et modifiées depuis `updatedSince` (offres fermées comprises, avec leur statut : pourvue, annulée, expirée, ou « pending » quand elle est masquée), dans l'ordre des modifications. Suivez `nextCursor` jusqu'à `null`, puis repartez de la date de la dernière offre reçue.",
  tags,
  auth: { scopes: ["offers:read"] },
  query: z.object({
    updatedSince: z.iso.datetime({ offset: true }).optional().meta({ example: "2026-03-01T00:00:00Z" }),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  responses: { 200: z.object({ items: z.array(publicOfferSchema), nextCursor: z.string().nullable() }) },
});

export const exportOffers = defineRoute({
  method: "GET",
  path: "/api/v1/offers/export",
  summary: "Export de toutes les offres en ligne (NDJSON compressé gzip)",
  description:
    "Une offre par ligne (format de l'offre publique), compressé gzip. Répond 304 si `If-None-Match` porte l'ETag de l'export courant.",
  tags,
  auth: { scopes: ["offers:read"] },
  responses: { 200: z.unknown(), 304: z.null() },
});

export const upsertPartnerOffer = defineRoute({
  method: "PUT",
  path: "/api/v1/offers/:id",
  summary: "Mettre à jour une offre déposée par le partenaire (idempotent)",
  description: "Remplace le contenu de l'offre ; la même requête répétée ne change rien de plus.",
  tags,
  auth: { scopes: ["offers:write"] },
  params: idParams,
  body: createOfferSchema,
  responses: { 200: publicOfferSchema },
});

export const closePartnerOffer = defineRoute({
  method: "POST",
  path: "/api/v1/offers/:id/close",
  summary: "Fermer une offre déposée par le partenaire (pourvue ou annulée)",
  tags,
  auth: { scopes: ["offers:write"] },
  params: idParams,
  body: z.object({ reason: z.enum(["filled", "cancelled"]).default("filled") }),
  responses: { 200: publicOfferSchema },
});

const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(offerEvents)),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Webhook" });

export const createWebhook = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks",
  summary: "Recevoir les offres publiées, modifiées ou fermées, dès qu'elles le sont",
  description:
    "Chaque envoi est un POST JSON signé : en-tête `X-Tremplin-Signature: t=<horodatage>,v1=<HMAC-SHA256 hexadécimal de « t.corps » avec le secret>`. Réessayé avec un délai croissant pendant 24 h tant que la réponse n'est pas 2xx. Le secret n'est montré qu'à la création.",
  tags,
  auth: { scopes: ["offers:read"] },
  body: z.object({
    url: z.url({ error: "Adresse https attendue." }).max(500),
    events: z
      .array(z.enum(offerEvents))
      .min(1)
      .default([...offerEvents]),
  }),
  responses: { 201: webhookSchema.extend({ secret: z.string() }) },
});

export const listWebhooks = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks",
  summary: "Mes webhooks",
  tags,
  auth: { scopes: ["offers:read"] },
  responses: { 200: z.object({ items: z.array(webhookSchema) }) },
});

export const deleteWebhook = defineRoute({
  method: "DELETE",
  path: "/api/v1/webhooks/:id",
  summary: "Supprimer un webhook",
  tags,
  auth: { scopes: ["offers:read"] },
  params: z.object({ id: z.uuid() }),
  responses: { 204: z.null() },
});
