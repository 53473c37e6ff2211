import { z } from "zod";
import { apiScopes } from "../contracts/define.js";
import { hasControlCharacters, oneLineMessage } from "../rules/one-line.js";
import { emailSchema } from "./account.js";
import { containsHtml, noHtmlMessage } from "./application.js";

/** What a message to the Tremplin team is about; « clé d'API » also opens a key request for an admin. */
export const contactTopics = [
  "question",
  "candidate",
  "recruiter",
  "cfa",
  "api_key",
  "personal_data",
  "accessibility",
  "other",
] as const;
export type ContactTopic = (typeof contactTopics)[number];
export const contactTopicLabels: Record<ContactTopic, string> = {
  question: "Question sur le service",
  candidate: "Je cherche une alternance",
  recruiter: "Je recrute (entreprise)",
  cfa: "Je représente un CFA ou un OPCO",
  api_key: "Demander une clé d'API partenaire",
  personal_data: "Mes données personnelles (accès, rectification, effacement)",
  accessibility: "Signaler un problème d'accessibilité",
  other: "Autre",
};

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const plainText = (min: number, max: number, tooShort: string) =>
  z
    .string({ error: tooShort })
    .trim()
    .min(min, tooShort)
    .max(max, `${max.toLocaleString("fr-FR")} caractères au plus.`)
    .refine((v) => !containsHtml(v), noHtmlMessage);

export const createContactMessageSchema = z
  .object({
    topic: z.enum(contactTopics, { error: "Choisissez le sujet de votre message." }),
    name: plainText(2, 120, "Indiquez votre nom.").refine((v) => !hasControlCharacters(v), oneLineMessage),
    email: emailSchema.meta({ description: "L'équipe vous répond à cette adresse" }),
    message: plainText(10, 5000, "Écrivez votre message (10 caractères au moins)."),
    organisation: z
      .preprocess(emptyAsUndefined, plainText(2, 120, "Indiquez le nom de votre organisation.").optional())
      .meta({ description: "Obligatoire pour une demande de clé d'API : la plateforme ou l'organisation partenaire" }),
  })
  .superRefine((value, ctx) => {
    if (value.topic === "api_key" && !value.organisation) {
      ctx.addIssue({
        code: "custom",
        path: ["organisation"],
        message: "Indiquez le nom de la plateforme ou de l'organisation qui utilisera la clé.",
      });
    }
  })
  .meta({ id: "CreateContactMessage" });
export type CreateContactMessage = z.infer<typeof createContactMessageSchema>;

export const contactMessageReceiptSchema = z.object({ id: z.uuid(), message: z.string() });

export const apiKeyRequestStatuses = ["pending", "granted", "refused"] as const;
export type ApiKeyRequestStatus = (typeof apiKeyRequestStatuses)[number];
export const apiKeyRequestStatusLabels: Record<ApiKeyRequestStatus, string> = {
  pending: "À traiter",
  granted: "Clé envoyée",
  refused: "Refusée",
};

export const apiKeyRequestSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(apiKeyRequestStatuses),
    organisation: z.string(),
    name: z.string(),
    email: z.string(),
    message: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The key's name in the diffusion service once granted (never the key itself). */
    keyName: z.string().nullable(),
    scopes: z.array(z.enum(apiScopes)),
  })
  .meta({ id: "ApiKeyRequest" });
export type ApiKeyRequest = z.infer<typeof apiKeyRequestSchema>;

export const grantApiKeySchema = z.object({
  scopes: z
    .array(z.enum(apiScopes))
    .min(1, "Choisissez au moins une portée.")
    .default(["offers:read"])
    .meta({ description: "Portées de la clé (défaut : lecture des offres)" }),
});
export const refuseApiKeySchema = z.object({
  reason: z.preprocess(emptyAsUndefined, plainText(2, 1000, "Précisez la raison.").optional()),
});

/** Who runs the service, for the legal pages (filled from the server's configuration). */
export const siteInfoSchema = z
  .object({
    operatorName: z.string(),
    operatorAddress: z.string(),
    publicationDirector: z.string(),
    dpoEmail: z.string(),
    hostingProvider: z.string(),
    contactEmail: z.string(),
    publicUrl: z.string(),
  })
  .meta({ id: "SiteInfo" });
export type SiteInfo = z.infer<typeof siteInfoSchema>;
