import { z } from "zod";
import { accountStatuses, accountTypes } from "./account.js";

/**
 * How a person's link to an organisation was verified (ADR 009). Known contacts verify at the
 * email confirmation, without anyone's review; the others are decisions by people.
 */
export const verificationMethods = [
  "opco_contact",
  "catalogue_contact",
  "algo_contact",
  "verified_domain",
  "opco_certification",
  "admin",
  "member",
  "invitation",
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const verificationMethodLabels: Record<VerificationMethod, string> = {
  opco_contact: "Adresse connue de l'OPCO (fichier des adhérents)",
  catalogue_contact: "Adresse du CFA dans le catalogue des formations",
  algo_contact: "Contact connu de l'entreprise (équipe Tremplin)",
  verified_domain: "Domaine de messagerie déjà vérifié pour cette entreprise",
  opco_certification: "Certifié par l'OPCO",
  admin: "Vérifié par l'administration Tremplin",
  member: "Accepté par un membre vérifié",
  invitation: "Invité par un membre vérifié",
};

export const memberRoles = ["administrator", "member", "pending", "inactive"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleLabels: Record<MemberRole, string> = {
  administrator: "Administrateur",
  member: "Membre vérifié",
  pending: "En attente de vérification",
  inactive: "Retiré ou refusé",
};

export const verificationSchema = z
  .object({
    method: z.enum(verificationMethods),
    label: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: "Verification" });

export const memberSchema = z
  .object({
    accountId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    status: z.enum(accountStatuses),
    role: z.enum(memberRoles),
    roleLabel: z.string(),
    verification: verificationSchema.nullable(),
    since: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof memberSchema>;

export const organisationMembersSchema = z
  .object({
    siret: z.string(),
    type: z.enum(accountTypes),
    name: z.string(),
    /** The caller's own role: only an administrator removes members. */
    myRole: z.enum(memberRoles),
    members: z.array(memberSchema),
    /** Invitations still waiting for their colleague (unused, unexpired), newest first. */
    invitations: z.array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        /** The inviting member's name. */
        invitedBy: z.string(),
        expiresAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "OrganisationMembers" });
export type OrganisationMembers = z.infer<typeof organisationMembersSchema>;

export const membershipLinkSchema = z
  .object({
    organisationName: z.string(),
    siret: z.string(),
    applicant: z.object({ firstName: z.string(), lastName: z.string(), email: z.string() }),
    state: z.enum(["pending", "accepted", "refused"]),
    message: z.string(),
  })
  .meta({ id: "MembershipLink" });
export type MembershipLink = z.infer<typeof membershipLinkSchema>;

export const organisationEventSchema = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  member: z.object({ accountId: z.string(), name: z.string(), email: z.string() }),
  method: z.string().nullable(),
  reason: z.string().nullable(),
});

export const organisationHistorySchema = z
  .object({
    siret: z.string(),
    name: z.string().nullable(),
    members: z.array(memberSchema.extend({ type: z.enum(accountTypes) })),
    events: z.array(organisationEventSchema),
  })
  .meta({ id: "OrganisationHistory" });
export type OrganisationHistory = z.infer<typeof organisationHistorySchema>;

/** A membership waiting for someone's decision, as the OPCO and admin queues show it. */
export const membershipQueueItemSchema = z
  .object({
    accountId: z.string(),
    type: z.enum(accountTypes),
    siret: z.string(),
    organisationName: z.string(),
    applicant: z.object({ firstName: z.string(), lastName: z.string(), email: z.string() }),
    opco: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** "join": the organisation has verified members (they were asked too); "claim": nobody yet. */
    kind: z.enum(["join", "claim"]),
    verifiedMembers: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "MembershipQueueItem" });
export type MembershipQueueItem = z.infer<typeof membershipQueueItemSchema>;

export const intermediaryReportSchema = z
  .object({
    id: z.string(),
    offer: z.object({ id: z.string(), title: z.string(), companyName: z.string(), siret: z.string() }),
    intermediary: z.object({ email: z.string(), name: z.string().nullable() }),
    companyContactEmail: z.string(),
    /** The known pattern of invented partner companies: the "company contact" is at the intermediary's domain. */
    sameDomain: z.boolean(),
    status: z.enum(["open", "cleared", "confirmed"]),
    createdAt: z.iso.datetime(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: "IntermediaryReport" });
export type IntermediaryReport = z.infer<typeof intermediaryReportSchema>;
