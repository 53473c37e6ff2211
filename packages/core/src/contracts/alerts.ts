import { z } from "zod";
import {
  alertConfirmationSchema,
  alertCreatedSchema,
  alertSchema,
  alertTokenSchema,
  alertUnsubscribedSchema,
  alertUnsubscribeQuerySchema,
  createAlertSchema,
} from "../schemas/alerts.js";
import { defineRoute } from "./define.js";

const tags = ["Alertes"] as const;
const idParams = z.object({ id: z.uuid({ error: "Identifiant invalide." }) });

export const createAlert = defineRoute({
  method: "POST",
  path: "/api/v1/alerts",
  summary: "Créer une alerte : les nouvelles offres d'une recherche, par e-mail",
  description:
    "Double confirmation : un e-mail est envoyé à l'adresse, l'alerte ne part qu'après un clic sur son lien (sinon elle est effacée après 7 jours). Un e-mail par jour au plus, 10 nouvelles offres au plus, jamais deux fois la même offre à la même adresse. Limites : quelques alertes par minute et par adresse IP, 3 demandes en attente de confirmation et 20 alertes par adresse e-mail.",
  tags,
  auth: "public",
  rateLimitPerMinute: 5,
  body: createAlertSchema,
  responses: { 201: alertCreatedSchema },
});

export const confirmAlert = defineRoute({
  method: "POST",
  path: "/api/v1/alerts/confirmations",
  summary: "Confirmer une alerte (le lien de l'e-mail de confirmation)",
  description: "Le jeton signé vaut 7 jours. Confirmer une seconde fois ne change rien (`confirmedNow` vaut false).",
  tags,
  auth: "public",
  rateLimitPerMinute: 30,
  body: alertTokenSchema,
  responses: { 200: alertConfirmationSchema },
});

export const unsubscribeAlert = defineRoute({
  method: "POST",
  path: "/api/v1/alerts/unsubscribe",
  summary: "Se désabonner d'une alerte en un clic, sans compte (RFC 8058)",
  description:
    "L'adresse de l'en-tête List-Unsubscribe des e-mails d'alerte : le jeton signé est dans l'adresse ; le corps peut être `List-Unsubscribe=One-Click` (application/x-www-form-urlencoded, envoyé par les messageries) ou vide. Une seconde demande répond `removed: false`.",
  tags,
  auth: "public",
  rateLimitPerMinute: 30,
  query: alertUnsubscribeQuerySchema,
  responses: { 200: alertUnsubscribedSchema },
});

export const listMyAlerts = defineRoute({
  method: "GET",
  path: "/api/v1/me/alerts",
  summary: "Mes alertes (confirmées ou en attente de confirmation)",
  tags: ["Espace candidat"],
  auth: { roles: ["candidate"] },
  responses: { 200: z.object({ items: z.array(alertSchema) }) },
});

export const deleteMyAlert = defineRoute({
  method: "DELETE",
  path: "/api/v1/me/alerts/:id",
  summary: "Supprimer une de mes alertes",
  tags: ["Espace candidat"],
  auth: { roles: ["candidate"] },
  params: idParams,
  responses: { 204: z.null() },
});
