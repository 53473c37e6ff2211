import { z } from "zod";
import { offerCloseReasons, recruiterStatuses } from "../rules/application-status.js";
import { APPLICATION_LIMITS, applicationStatuses, containsHtml, noHtmlMessage, refusalReasons } from "./application.js";
import { applicationCountsSchema, recruiterApplicationSchema } from "./application-views.js";

/**
 * The hire loop (ADR 011): what a candidate sees of what they sent, the recruiter's inbox across
 * offers and spontaneous applications, and closing an offer with its reason.
 */

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !containsHtml(v), noHtmlMessage);

export const NOTE_MAX = 2000;

// — Candidate —

/** An application as its candidate sees it: never the recruiter's address nor their private note. */
export const sentApplicationSchema = z
  .object({
    id: z.string(),
    target: z.object({
      kind: z.enum(["offer", "company"]),
      offerId: z.string().nullable(),
      siret: z.string(),
      title: z.string().nullable(),
      companyName: z.string(),
      offerOpen: z.boolean().meta({ description: "L'offre est-elle encore en ligne (toujours false en spontané)" }),
    }),
    createdAt: z.iso.datetime(),
    status: z.enum(applicationStatuses),
    statusLabel: z.string(),
    statusChangedAt: z.iso.datetime().nullable().meta({ description: "Dernière réponse du recruteur" }),
    answer: z
      .object({
        reason: z.string().nullable().meta({ description: "Motif du refus, en clair" }),
        message: z.string().nullable().meta({ description: "Le message du recruteur" }),
      })
      .nullable(),
    cvFileName: z.string().nullable(),
    canWithdraw: z.boolean(),
    contractSignedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SentApplication" });
export type SentApplication = z.infer<typeof sentApplicationSchema>;

export const sentApplicationsSchema = z.object({ items: z.array(sentApplicationSchema) });

/** Erasing one's data is confirmed by typing a word: a stray call never erases anything. */
export const eraseCandidateDataSchema = z.object({
  confirm: z.literal("EFFACER", { error: "Recopiez le mot EFFACER pour confirmer." }),
});

// — Recruiter inbox —

export const receivedApplicationSchema = recruiterApplicationSchema
  .extend({
    note: z.string().nullable().meta({ description: "Note privée de l'organisation, jamais montrée au candidat" }),
    cvAvailable: z.boolean().meta({ description: "Le CV est encore conservé (chiffré) et téléchargeable" }),
    contractSignedAt: z.iso.datetime().nullable().meta({ description: "Le candidat a déclaré avoir signé un contrat" }),
  })
  .meta({ id: "ReceivedApplication" });
export type ReceivedApplication = z.infer<typeof receivedApplicationSchema>;

export const receivedApplicationsQuerySchema = z.object({
  status: z.enum(applicationStatuses).optional(),
  offerId: z.uuid({ error: "Identifiant d'offre invalide." }).optional(),
  kind: z.enum(["offer", "company"]).optional(),
  cursor: z.string().max(200).optional().meta({ description: "Le nextCursor de la page précédente" }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReceivedApplicationsQuery = z.output<typeof receivedApplicationsQuerySchema>;

export const receivedApplicationsSchema = z.object({
  items: z.array(receivedApplicationSchema),
  counts: applicationCountsSchema.meta({
    description: "Par état, avec les filtres offre et type (sans le filtre d'état)",
  }),
  nextCursor: z.string().nullable(),
  offers: z
    .array(z.object({ id: z.string(), title: z.string(), status: z.string() }))
    .meta({ description: "Les offres qui ont reçu des candidatures (pour filtrer)" }),
});

export const updateReceivedApplicationSchema = z
  .object({
    status: z.enum(recruiterStatuses).optional(),
    reason: z.enum(refusalReasons).optional().meta({ description: "Motif, obligatoire pour un refus" }),
    message: z
      .preprocess(emptyAsUndefined, plainText(APPLICATION_LIMITS.answerMessage).optional())
      .meta({ description: "Message facultatif transmis au candidat avec le nouvel état" }),
    note: z
      .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), plainText(NOTE_MAX).nullable())
      .optional()
      .meta({ description: "Note privée (vide : effacée)" }),
  })
  .refine((v) => v.status !== undefined || v.note !== undefined, {
    message: "Indiquez un nouvel état ou une note.",
    path: ["status"],
  })
  .refine((v) => v.status !== "refused" || v.reason !== undefined, {
    message: "Choisissez le motif du refus : il aide le candidat.",
    path: ["reason"],
  });
export type UpdateReceivedApplication = z.output<typeof updateReceivedApplicationSchema>;

export const updateReceivedApplicationResultSchema = z.object({
  application: receivedApplicationSchema,
  applied: z.boolean().meta({ description: "false quand l'état était déjà celui-là (la note est enregistrée)" }),
  offerToClose: z
    .object({ offerId: z.string(), title: z.string(), positions: z.number().int(), hires: z.number().int() })
    .nullable()
    .meta({ description: "Tous les postes de l'offre sont pourvus : proposer de la clôturer" }),
});

// — Closing an offer —

export const closeOfferSchema = z
  .object({
    reason: z.enum(offerCloseReasons),
    applicationId: z
      .uuid({ error: "Identifiant de candidature invalide." })
      .optional()
      .meta({ description: "La candidature recrutée (obligatoire pour hired_tremplin)" }),
  })
  .refine((v) => v.reason !== "hired_tremplin" || v.applicationId !== undefined, {
    message: "Choisissez la personne recrutée.",
    path: ["applicationId"],
  });
