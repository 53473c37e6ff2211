import { z } from "zod";
import { hasControlCharacters, oneLineMessage } from "../rules/one-line.js";
import { emailSchema, phoneSchema } from "./account.js";
import { cvFileSchema } from "./application-file.js";
import { siretSchema } from "./company.js";

export const APPLICATION_LIMITS = {
  name: 80,
  message: 3000,
  answerMessage: 1000,
} as const;

/** Something that looks like a tag (`<b>`, `</a>`, `<!--`): candidates write plain text. */
const HTML_TAG = /<\/?[A-Za-z][^<>]*>|<!--/;
export const noHtmlMessage = "N'utilisez pas de balises HTML (comme <b> ou <a>) : écrivez du texte simple.";
export const containsHtml = (text: string): boolean => HTML_TAG.test(text);

/** Forms send "" for an empty field: the same as leaving it out. */
const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Multipart forms send line breaks as CRLF: stored and emailed as plain \n. */
const unixLines = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);
const plainText = (max: number) =>
  z.preprocess(
    unixLines,
    z
      .string()
      .trim()
      .max(max)
      .refine((v) => !containsHtml(v), noHtmlMessage),
  );
const personName = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(APPLICATION_LIMITS.name)
    .refine((v) => !containsHtml(v), noHtmlMessage)
    .refine((v) => !hasControlCharacters(v), oneLineMessage);

/** The text fields of an application, without the target (shared by the form and the multipart body). */
const candidateFields = {
  firstName: personName("Indiquez votre prénom."),
  lastName: personName("Indiquez votre nom."),
  email: emailSchema.meta({ description: "Le recruteur vous répondra à cette adresse" }),
  phone: phoneSchema,
  message: z
    .preprocess(emptyAsUndefined, plainText(APPLICATION_LIMITS.message).optional())
    .meta({ description: "Quelques mots pour le recruteur (texte simple, 3 000 caractères au plus)" }),
};

const targetFields = {
  offerId: z
    .preprocess(emptyAsUndefined, z.uuid({ error: "Identifiant d'offre invalide." }).optional())
    .meta({ description: "L'offre visée (ou siret pour une candidature spontanée)" }),
  siret: z
    .preprocess(emptyAsUndefined, siretSchema.optional())
    .meta({ description: "L'entreprise visée par une candidature spontanée (à la place de offerId)" }),
};

const oneTarget = (v: { offerId?: string | undefined; siret?: string | undefined }) =>
  (v.offerId === undefined) !== (v.siret === undefined);
const oneTargetMessage = {
  message: "Indiquez l'offre (offerId) ou l'entreprise (siret) visée, l'un des deux.",
  path: ["offerId"],
};

/** What a candidate types; the web form validates with this very schema. */
export const applicationFormSchema = z.object(candidateFields);

/** The non-file fields of `POST /api/v1/applications`, as the server validates them. */
export const applicationFieldsSchema = z
  .object({ ...targetFields, ...candidateFields })
  .refine(oneTarget, oneTargetMessage);
export type ApplicationFieldsInput = z.input<typeof applicationFieldsSchema>;
export type ApplicationFields = z.output<typeof applicationFieldsSchema>;

/** The multipart body as documented in OpenAPI: the fields plus the `cv` file part. */
export const applicationMultipartBodySchema = z
  .object({
    ...targetFields,
    ...candidateFields,
    cv: cvFileSchema
      .optional()
      .meta({ description: "CV PDF ou .docx, 3 Mo au plus : facultatif pour une offre, obligatoire en spontané" }),
  })
  .meta({ id: "ApplicationForm" });

/**
 * Where an application stands. « seen » is « en cours d'examen » (the one-click « je ne sais pas
 * encore » leads there too); « withdrawn » is the candidate's own doing. See rules/application-status.
 */
export const applicationStatuses = ["new", "seen", "interview", "refused", "hired", "withdrawn"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  new: "Nouvelle",
  seen: "En cours d'examen",
  interview: "Entretien",
  refused: "Refusée",
  hired: "Recrutée",
  withdrawn: "Retirée par le candidat",
};

/**
 * The answers of the one-click links in the recruiter's email (their signed tokens carry these
 * names): « undecided » sets the status « seen ». interview and refused are final for a link.
 */
export const applicationDecisions = ["interview", "refused", "undecided"] as const;
export type ApplicationDecision = (typeof applicationDecisions)[number];

export const refusalReasons = [
  "position_filled",
  "profile_mismatch",
  "training_mismatch",
  "dates_mismatch",
  "location",
  "no_longer_hiring",
  "other",
] as const;
export type RefusalReason = (typeof refusalReasons)[number];
/** Worded for the candidate, who reads them in the answer email. */
export const refusalReasonLabels: Record<RefusalReason, string> = {
  position_filled: "Le poste est déjà pourvu",
  profile_mismatch: "Votre profil ne correspond pas à ce poste",
  training_mismatch: "La formation visée ne correspond pas au poste",
  dates_mismatch: "Les dates du contrat ne conviennent pas",
  location: "Le lieu ou la distance ne convient pas",
  no_longer_hiring: "L'entreprise ne recrute plus en alternance pour le moment",
  other: "Autre raison",
};

const answerDetails = {
  reason: z.enum(refusalReasons).optional().meta({ description: "Motif, obligatoire pour un refus" }),
  message: z
    .preprocess(emptyAsUndefined, plainText(APPLICATION_LIMITS.answerMessage).optional())
    .meta({ description: "Message facultatif transmis au candidat" }),
};

/** Answering from the one-click link: the signed token says which application and which answer. */
export const answerByLinkSchema = z.object({ token: z.string().min(20).max(600), ...answerDetails });

/** Answering from the recruiter's space. */
export const answerFromSpaceSchema = z
  .object({ decision: z.enum(applicationDecisions), ...answerDetails })
  .refine((v) => v.decision !== "refused" || v.reason !== undefined, {
    message: "Choisissez le motif du refus : il aide le candidat.",
    path: ["reason"],
  });
