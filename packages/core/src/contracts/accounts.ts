import { z } from "zod";
import { isSafeRedirectPath } from "../rules/safe-redirect.js";
import {
  accountCardSchema,
  accountListQuerySchema,
  accountListSchema,
  accountStatuses,
  emailSchema,
  meSchema,
  reasonSchema,
  signUpSchema,
} from "../schemas/account.js";
import { defineRoute } from "./define.js";

const idParams = z.object({ id: z.uuid({ error: "Identifiant de compte invalide." }) });

export const signUp = defineRoute({
  method: "POST",
  path: "/api/v1/accounts",
  summary: "Créer un compte recruteur (entreprise) ou CFA",
  description:
    "Vérifie le SIRET, déduit l'OPCO de la convention collective, crée le compte et envoie un e-mail de confirmation. Une même adresse peut gérer plusieurs établissements.",
  tags: ["Comptes"],
  auth: "public",
  rateLimitPerMinute: 10,
  body: signUpSchema,
  responses: {
    201: z.object({ id: z.string(), status: z.enum(accountStatuses) }),
  },
});

export const requestMagicLink = defineRoute({
  method: "POST",
  path: "/api/v1/auth/magic-link",
  summary: "Recevoir un lien de connexion par e-mail",
  description: "Répond 204 quelle que soit l'adresse, pour ne pas révéler qui a un compte.",
  tags: ["Connexion"],
  auth: "public",
  rateLimitPerMinute: 5,
  body: z.object({
    email: emailSchema,
    redirectTo: z
      .string()
      .max(200)
      .refine(isSafeRedirectPath, "doit être un chemin du site commençant par une seule barre oblique (ex. /espace)")
      .optional(),
  }),
  responses: { 204: z.null() },
});

export const verifyMagicLink = defineRoute({
  method: "POST",
  path: "/api/v1/auth/magic-link/verify",
  summary: "Se connecter avec le jeton reçu par e-mail",
  description: "Jeton à usage unique, valable 15 minutes. Ouvre une session (cookie httpOnly).",
  tags: ["Connexion"],
  auth: "public",
  rateLimitPerMinute: 20,
  body: z.object({ token: z.string().min(20).max(100) }),
  responses: { 200: z.object({ redirectTo: z.string() }) },
});

export const logout = defineRoute({
  method: "POST",
  path: "/api/v1/auth/logout",
  summary: "Se déconnecter",
  tags: ["Connexion"],
  auth: "public",
  responses: { 204: z.null() },
});

export const me = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  summary: "La personne connectée, son rôle et ses organisations",
  tags: ["Connexion"],
  auth: { roles: ["recruiter", "cfa", "opco", "chamber", "admin", "candidate"] },
  responses: { 200: meSchema },
});

export const listOpcoAccounts = defineRoute({
  method: "GET",
  path: "/api/v1/opco/accounts",
  summary: "Entreprises du périmètre de l'OPCO (conseiller OPCO)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco"] },
  query: accountListQuerySchema,
  responses: { 200: accountListSchema },
});

export const getOpcoAccount = defineRoute({
  method: "GET",
  path: "/api/v1/opco/accounts/:id",
  summary: "Fiche d'une entreprise du périmètre",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco"] },
  params: idParams,
  responses: { 200: accountCardSchema },
});

export const certifyAccount = defineRoute({
  method: "POST",
  path: "/api/v1/opco/accounts/:id/certify",
  summary: "Certifier le compte d'une entreprise",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco", "admin"] },
  params: idParams,
  responses: { 200: accountCardSchema },
});

export const uncertifyAccount = defineRoute({
  method: "POST",
  path: "/api/v1/opco/accounts/:id/uncertify",
  summary: "Annuler la certification d'un compte (retour à « actif », les offres restent en ligne sans la mention)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco", "admin"] },
  params: idParams,
  responses: { 200: accountCardSchema },
});

export const rejectAccount = defineRoute({
  method: "POST",
  path: "/api/v1/opco/accounts/:id/reject",
  summary: "Refuser le compte d'une entreprise (motif transmis au recruteur)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco", "admin"] },
  params: idParams,
  body: z.object({ reason: reasonSchema }),
  responses: { 200: accountCardSchema },
});

export const notOurOpco = defineRoute({
  method: "POST",
  path: "/api/v1/opco/accounts/:id/not-our-opco",
  summary: "Signaler que l'entreprise ne relève pas de cet OPCO (retour à la file de l'administration)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco"] },
  params: idParams,
  body: z.object({ comment: z.string().trim().max(1000).optional() }),
  responses: { 200: z.object({ id: z.string(), queued: z.literal(true) }) },
});

export const listAdminAccounts = defineRoute({
  method: "GET",
  path: "/api/v1/admin/accounts",
  summary: "Tous les comptes ; file des comptes sans OPCO",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  query: accountListQuerySchema.extend({
    opco: z.string().max(40).optional().meta({ description: "Identifiant d'OPCO, ou « none » pour la file sans OPCO" }),
  }),
  responses: { 200: accountListSchema },
});

export const getAdminAccount = defineRoute({
  method: "GET",
  path: "/api/v1/admin/accounts/:id",
  summary: "Fiche d'un compte",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  responses: { 200: accountCardSchema },
});

export const assignOpco = defineRoute({
  method: "POST",
  path: "/api/v1/admin/accounts/:id/assign-opco",
  summary: "Attribuer un OPCO à un compte",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: z.object({ opcoId: z.string().min(1).max(40) }),
  responses: { 200: accountCardSchema },
});

export const disableAccount = defineRoute({
  method: "POST",
  path: "/api/v1/admin/accounts/:id/disable",
  summary: "Désactiver un compte",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: z.object({ reason: reasonSchema }),
  responses: { 200: accountCardSchema },
});

export const enableAccount = defineRoute({
  method: "POST",
  path: "/api/v1/admin/accounts/:id/enable",
  summary: "Réactiver un compte désactivé ou refusé",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: idParams,
  body: z.object({ reason: reasonSchema }),
  responses: { 200: accountCardSchema },
});
