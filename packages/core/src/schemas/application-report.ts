import { z } from "zod";
import { containsHtml, noHtmlMessage } from "./application.js";
import { siretSchema } from "./company.js";

/** « Signaler cette offre / entreprise »: anyone may report; an admin decides. */
export const reportReasons = [
  "scam",
  "not_apprenticeship",
  "discrimination",
  "inappropriate",
  "no_longer_exists",
  "other",
] as const;
export type ReportReason = (typeof reportReasons)[number];
export const reportReasonLabels: Record<ReportReason, string> = {
  scam: "Arnaque, demande d'argent ou de données personnelles",
  not_apprenticeship: "Ce n'est pas un poste en alternance",
  discrimination: "Contenu discriminatoire",
  inappropriate: "Contenu choquant ou inapproprié",
  no_longer_exists: "L'offre ou l'entreprise n'existe plus",
  other: "Autre problème",
};

export const reportStatuses = ["open", "unpublished", "dismissed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = {
  open: "À traiter",
  unpublished: "Dépublié",
  dismissed: "Classé sans suite",
};

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const note = (max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .max(max)
      .refine((v) => !containsHtml(v), noHtmlMessage)
      .optional(),
  );

export const createReportSchema = z
  .object({
    offerId: z.uuid({ error: "Identifiant d'offre invalide." }).optional(),
    siret: siretSchema.optional(),
    reason: z.enum(reportReasons, { error: "Choisissez la raison du signalement." }),
    message: note(2000).meta({ description: "Précisions facultatives pour l'équipe (2 000 caractères au plus)" }),
  })
  .refine((v) => (v.offerId === undefined) !== (v.siret === undefined), {
    message: "Indiquez l'offre (offerId) ou l'entreprise (siret) signalée, l'un des deux.",
    path: ["offerId"],
  });
export type CreateReport = z.output<typeof createReportSchema>;

export const reportReceiptSchema = z.object({ id: z.string(), message: z.string() });

export const adminReportSchema = z
  .object({
    id: z.string(),
    target: z.object({
      kind: z.enum(["offer", "company"]),
      offerId: z.string().nullable(),
      siret: z.string(),
      title: z.string().nullable(),
      companyName: z.string().nullable(),
      offerStatus: z.string().nullable(),
    }),
    reason: z.enum(reportReasons),
    reasonLabel: z.string(),
    message: z.string().nullable(),
    status: z.enum(reportStatuses),
    statusLabel: z.string(),
    reportsOnTarget: z.number().int().meta({ description: "Signalements reçus pour la même offre ou entreprise" }),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AdminReport" });
export type AdminReport = z.infer<typeof adminReportSchema>;

export const reportDecisionSchema = z.object({
  note: note(1000).meta({ description: "Note interne, et pour dépublier : explication transmise au recruteur" }),
});
