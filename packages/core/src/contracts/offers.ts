import { z } from "zod";
import { createOfferSchema, ownerOfferSchema, publicOfferSchema, updateOfferSchema } from "../schemas/offer.js";
import { defineRoute } from "./define.js";

const tags = ["Offres"] as const;
const idParams = z.object({ id: z.uuid({ error: "Identifiant d'offre invalide." }) });
const posters = ["recruiter", "cfa", "opco", "chamber"] as const;

export const createOffer = defineRoute({
  method: "POST",
  path: "/api/v1/offers",
  summary: "Déposer une offre d'alternance",
  description:
    "Deux informations suffisent : le métier (code OGR d'une appellation ROME) et la date de début (ou « dès que possible »). La description est générée à partir de la fiche ROME. L'offre est en ligne immédiatement si le compte est actif, pour 30 jours.",
  tags,
  auth: { roles: posters, scopes: ["offers:write"] },
  body: createOfferSchema,
  responses: { 201: publicOfferSchema },
});

export const getOffer = defineRoute({
  method: "GET",
  path: "/api/v1/offers/:id",
  summary: "Une offre en ligne",
  description: "404 pour une offre inconnue ou masquée ; 410 pour une offre expirée, pourvue ou annulée.",
  tags,
  auth: "public",
  params: idParams,
  responses: { 200: publicOfferSchema },
});

export const recordOfferView = defineRoute({
  method: "POST",
  path: "/api/v1/offers/:id/view",
  summary: "Compter une consultation de la page de l'offre",
  tags,
  auth: "public",
  hidden: true,
  rateLimitPerMinute: 30,
  params: idParams,
  responses: { 204: z.null() },
});

export const listMyOffers = defineRoute({
  method: "GET",
  path: "/api/v1/me/offers",
  summary: "Mes offres, avec leur état et leurs compteurs",
  tags: ["Espace recruteur"],
  auth: { roles: posters },
  responses: { 200: z.object({ items: z.array(ownerOfferSchema) }) },
});

export const getMyOffer = defineRoute({
  method: "GET",
  path: "/api/v1/me/offers/:id",
  summary: "Une de mes offres",
  tags: ["Espace recruteur"],
  auth: { roles: posters },
  params: idParams,
  responses: { 200: ownerOfferSchema },
});

export const updateOffer = defineRoute({
  method: "PATCH",
  path: "/api/v1/offers/:id",
  summary: "Modifier une offre (à tout moment ; la modification est diffusée)",
  tags: ["Espace recruteur"],
  auth: { roles: posters },
  params: idParams,
  body: updateOfferSchema,
  responses: { 200: ownerOfferSchema },
});

const ownerAction = (action: string, summary: string) =>
  defineRoute({
    method: "POST",
    path: `/api/v1/offers/:id/${action}`,
    summary,
    tags: ["Espace recruteur"],
    auth: { roles: posters },
    params: idParams,
    responses: { 200: ownerOfferSchema },
  });

export const extendOffer = ownerAction("extend", "Prolonger de 30 jours (ou remettre en ligne une offre expirée)");
export const markOfferFilled = ownerAction("fill", "Indiquer que l'offre est pourvue");
export const cancelOffer = ownerAction("cancel", "Annuler l'offre");
export const duplicateOffer = ownerAction("duplicate", "Dupliquer l'offre (nouvelle offre en ligne)");

export const applyEmailAction = defineRoute({
  method: "POST",
  path: "/api/v1/offers/email-actions",
  summary: "Action en un clic depuis un e-mail (prolonger, pourvue, annuler, reprendre, retirer)",
  description: "Le jeton signé vaut pour une offre et une action ; un second clic ne refait pas l'action.",
  tags: ["Espace recruteur"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: z.object({ token: z.string().min(20).max(600) }),
  responses: {
    200: z.object({
      offerId: z.string(),
      offerTitle: z.string(),
      action: z.enum(["extend", "filled", "cancel", "takeover", "remove"]),
      applied: z.boolean().meta({ description: "false quand l'action avait déjà été faite (second clic)" }),
      status: z.string(),
      expiresAt: z.iso.datetime().nullable(),
      message: z.string(),
      signInRedirect: z.string().nullable(),
    }),
  },
});

export const listPartnerCompanies = defineRoute({
  method: "GET",
  path: "/api/v1/me/partner-companies",
  summary: "Entreprises pour lesquelles j'ai déposé des offres (CFA, OPCO, chambre consulaire)",
  tags: ["Espace recruteur"],
  auth: { roles: ["cfa", "opco", "chamber"] },
  responses: {
    200: z.object({
      items: z.array(
        z.object({
          siret: z.string(),
          name: z.string(),
          city: z.string().nullable(),
          contact: z
            .object({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string().nullable() })
            .meta({ description: "Le contact saisi par l'intermédiaire lui-même lors de son dernier dépôt" }),
          activeOffers: z.number().int(),
          totalOffers: z.number().int(),
          lastOfferAt: z.iso.datetime(),
        }),
      ),
    }),
  },
});
