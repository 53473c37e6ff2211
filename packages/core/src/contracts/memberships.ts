import { z } from "zod";
import { accountTypes, emailSchema, reasonSchema } from "../schemas/account.js";
import { siretSchema } from "../schemas/company.js";
import {
  intermediaryReportSchema,
  membershipLinkSchema,
  membershipQueueItemSchema,
  organisationHistorySchema,
  organisationMembersSchema,
} from "../schemas/membership.js";
import { defineRoute } from "./define.js";

const orgParams = z.object({ siret: siretSchema });
const memberParams = z.object({
  siret: siretSchema,
  accountId: z.uuid({ error: "Identifiant de membre invalide." }),
});
const typeQuery = z.object({ type: z.enum(accountTypes).default("company") });
const tokenBody = z.object({ token: z.string().min(20).max(600) });
const accountParams = z.object({ id: z.uuid({ error: "Identifiant de compte invalide." }) });

export const listMembers = defineRoute({
  method: "GET",
  path: "/api/v1/me/organisations/:siret/members",
  summary: "Les membres de mon établissement (membres vérifiés seulement)",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  params: orgParams,
  query: typeQuery,
  responses: { 200: organisationMembersSchema },
});

export const acceptMember = defineRoute({
  method: "POST",
  path: "/api/v1/me/organisations/:siret/members/:accountId/accept",
  summary: "Accepter une demande pour rejoindre mon établissement",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  params: memberParams,
  query: typeQuery,
  responses: { 200: organisationMembersSchema },
});

export const refuseMember = defineRoute({
  method: "POST",
  path: "/api/v1/me/organisations/:siret/members/:accountId/refuse",
  summary: "Refuser une demande pour rejoindre mon établissement",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  params: memberParams,
  query: typeQuery,
  responses: { 200: organisationMembersSchema },
});

export const removeMember = defineRoute({
  method: "POST",
  path: "/api/v1/me/organisations/:siret/members/:accountId/remove",
  summary: "Retirer un membre (administrateur), ou quitter l'établissement",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  params: memberParams,
  query: typeQuery,
  responses: { 200: organisationMembersSchema },
});

export const inviteMember = defineRoute({
  method: "POST",
  path: "/api/v1/me/organisations/:siret/invitations",
  summary:
    "Inviter un ou une collègue (membre vérifié) : vérifié dès qu'il confirme son adresse sur ce SIRET ; une demande déjà en attente est acceptée",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  rateLimitPerMinute: 10,
  params: orgParams,
  query: typeQuery,
  body: z.object({ email: emailSchema }),
  responses: {
    200: z.object({
      outcome: z.enum(["invited", "accepted"]),
      email: z.string(),
      expiresAt: z.string().nullable(),
    }),
  },
});

export const revokeInvitation = defineRoute({
  method: "POST",
  path: "/api/v1/me/organisations/:siret/invitations/:invitationId/revoke",
  summary: "Annuler une invitation qui attend encore (membre vérifié)",
  tags: ["Membres"],
  auth: { roles: ["recruiter", "cfa"] },
  params: z.object({ siret: siretSchema, invitationId: z.uuid({ error: "Identifiant d'invitation invalide." }) }),
  query: typeQuery,
  responses: { 200: organisationMembersSchema },
});

export const readMembershipLink = defineRoute({
  method: "POST",
  path: "/api/v1/membership-links/read",
  summary: "Lire la demande d'accès reçue par e-mail (sans rien changer)",
  tags: ["Membres"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: tokenBody,
  responses: { 200: membershipLinkSchema },
});

export const decideMembershipLink = defineRoute({
  method: "POST",
  path: "/api/v1/membership-links/decide",
  summary: "Accepter ou refuser la demande d'accès reçue par e-mail",
  tags: ["Membres"],
  auth: "public",
  rateLimitPerMinute: 30,
  body: tokenBody.extend({ decision: z.enum(["accept", "refuse"]) }),
  responses: { 200: membershipLinkSchema },
});

export const opcoMembershipQueue = defineRoute({
  method: "GET",
  path: "/api/v1/opco/memberships",
  summary: "Comptes à vérifier du périmètre (premières inscriptions et demandes d'accès)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco"] },
  responses: { 200: z.object({ items: z.array(membershipQueueItemSchema) }) },
});

export const adminMembershipQueue = defineRoute({
  method: "GET",
  path: "/api/v1/admin/memberships",
  summary: "Tous les comptes à vérifier",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  responses: { 200: z.object({ items: z.array(membershipQueueItemSchema) }) },
});

export const staffAcceptMembership = defineRoute({
  method: "POST",
  path: "/api/v1/opco/memberships/:id/accept",
  summary: "Vérifier un compte en attente (conseiller OPCO du périmètre ou administration)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco", "admin"] },
  params: accountParams,
  responses: { 200: z.object({ id: z.string(), decided: z.literal(true) }) },
});

export const staffRefuseMembership = defineRoute({
  method: "POST",
  path: "/api/v1/opco/memberships/:id/refuse",
  summary: "Refuser un compte en attente (motif transmis)",
  tags: ["Espace OPCO"],
  auth: { roles: ["opco", "admin"] },
  params: accountParams,
  body: z.object({ reason: reasonSchema }),
  responses: { 200: z.object({ id: z.string(), decided: z.literal(true) }) },
});

export const organisationHistory = defineRoute({
  method: "GET",
  path: "/api/v1/admin/organisations/:siret/history",
  summary: "Historique d'un établissement : qui l'a revendiqué, qui l'a vérifié, comment, quand",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: orgParams,
  responses: { 200: organisationHistorySchema },
});

export const listIntermediaryReports = defineRoute({
  method: "GET",
  path: "/api/v1/admin/intermediary-reports",
  summary: "Offres signalées « ce n'est pas nous » par l'entreprise",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  query: z.object({ status: z.enum(["open", "all"]).default("open") }),
  responses: { 200: z.object({ items: z.array(intermediaryReportSchema) }) },
});

export const decideIntermediaryReport = defineRoute({
  method: "POST",
  path: "/api/v1/admin/intermediary-reports/:id/decide",
  summary: "Classer un signalement (l'intermédiaire est mis hors de cause) ou le confirmer",
  tags: ["Administration"],
  auth: { roles: ["admin"] },
  params: accountParams,
  body: z.object({ decision: z.enum(["clear", "confirm"]), reason: reasonSchema }),
  responses: { 200: intermediaryReportSchema },
});
