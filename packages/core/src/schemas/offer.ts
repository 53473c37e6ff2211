import { z } from "zod";
import { stripHtml } from "../rules/free-text.js";
import { offerStatuses } from "../rules/offer-lifecycle.js";
import { hasControlCharacters, oneLineMessage } from "../rules/one-line.js";
import { emailSchema, phoneSchema } from "./account.js";
import { siretSchema } from "./company.js";

export const contractTypes = ["apprentissage", "professionnalisation"] as const;
export type ContractType = (typeof contractTypes)[number];
export const contractTypeLabels: Record<ContractType, string> = {
  apprentissage: "Contrat d'apprentissage",
  professionnalisation: "Contrat de professionnalisation",
};

export const diplomaLevelLabels: Record<number, string> = {
  3: "CAP, BEP",
  4: "Bac, Bac pro, BP",
  5: "BTS, DEUST (Bac+2)",
  6: "Licence, BUT (Bac+3)",
  7: "Master, diplôme d'ingénieur (Bac+5)",
};

export const OFFER_LIMITS = {
  title: { min: 3, max: 120 },
  description: 5000,
  companyDescription: 2000,
  rhythm: 200,
  durationMonths: { min: 6, max: 36 },
  positions: { min: 1, max: 20 },
  startWithinYears: 2,
} as const;

const isoDate = z.iso.date({ error: "Saisissez une date au format AAAA-MM-JJ." });

export const skillSelectionSchema = z.object({
  savoirFaire: z
    .array(z.string().regex(/^\d{1,8}$/))
    .max(30)
    .default([]),
  savoirEtre: z
    .array(z.string().regex(/^\d{1,8}$/))
    .max(15)
    .default([]),
  savoirs: z
    .array(z.string().regex(/^\d{1,8}$/))
    .max(30)
    .default([]),
});

export const companyContactSchema = z.object({
  firstName: z
    .string()
    .trim()
    .min(1, "Indiquez le prénom du contact.")
    .max(80)
    .refine((v) => !hasControlCharacters(v), oneLineMessage),
  lastName: z
    .string()
    .trim()
    .min(1, "Indiquez le nom du contact.")
    .max(80)
    .refine((v) => !hasControlCharacters(v), oneLineMessage),
  email: emailSchema,
  phone: phoneSchema,
});

/** The editable fields of an offer (all optional but the job and the start, which have their own rules). */
const offerFields = {
  contractTypes: z
    .array(z.enum(contractTypes))
    .min(1, "Choisissez au moins un type de contrat.")
    .max(2)
    .meta({ description: "apprentissage, professionnalisation, ou les deux" }),
  diplomaLevel: z
    .number()
    .int()
    .min(3)
    .max(7)
    .nullable()
    .meta({ description: "Niveau du diplôme préparé (3 CAP … 7 Master) ; null : indifférent" }),
  durationMonths: z.number().int().min(OFFER_LIMITS.durationMonths.min).max(OFFER_LIMITS.durationMonths.max),
  positions: z.number().int().min(OFFER_LIMITS.positions.min).max(OFFER_LIMITS.positions.max),
  rhythm: z
    .string()
    .overwrite(stripHtml)
    .max(OFFER_LIMITS.rhythm)
    .nullable()
    .meta({ example: "2 jours en formation, 3 jours en entreprise" }),
  // HTML is removed before the lengths are checked: « <b>ab</b> » is the 2-character title « ab ».
  title: z.string().overwrite(stripHtml).min(OFFER_LIMITS.title.min).max(OFFER_LIMITS.title.max),
  description: z
    .string()
    .overwrite(stripHtml)
    .min(20, "La description doit compter au moins 20 caractères.")
    .max(OFFER_LIMITS.description),
  skills: skillSelectionSchema,
  disabilityFriendly: z
    .boolean()
    .meta({ description: "Poste ouvert et aménageable pour les personnes en situation de handicap" }),
  companyDescription: z.string().overwrite(stripHtml).max(OFFER_LIMITS.companyDescription).nullable(),
};

const start = {
  startDate: isoDate.optional().meta({ description: "Date de début du contrat (AAAA-MM-JJ)", example: "2026-09-01" }),
  startAsap: z.literal(true).optional().meta({ description: "Début dès que possible (à la place de startDate)" }),
};

const oneStart = (v: { startDate?: string | undefined; startAsap?: true | undefined }) =>
  (v.startDate === undefined) !== (v.startAsap === undefined);
const oneStartMessage = {
  message: "Indiquez une date de début (startDate) ou « dès que possible » (startAsap: true), l'un des deux.",
  path: ["startDate"],
};

const offerFieldsSchema = z.object(offerFields);

/** Creating an offer: the job title and the start are required, everything else has a default. */
export const createOfferSchema = offerFieldsSchema
  .partial()
  .extend({
    appellationCode: z
      .string()
      .trim()
      .regex(/^\d{1,8}$/, "Choisissez un métier dans la liste."),
    ...start,
    siret: siretSchema.optional().meta({
      description:
        "Établissement où se déroule le contrat : obligatoire pour un CFA, un OPCO, une chambre consulaire ou un partenaire, et pour un recruteur qui gère plusieurs établissements",
    }),
    companyContact: companyContactSchema.optional().meta({
      description: "Contact de l'entreprise, obligatoire quand l'offre est déposée pour elle par un intermédiaire",
    }),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Identifiant de l'offre chez le partenaire (clé d'API)" }),
  })
  .refine(oneStart, oneStartMessage);
export type CreateOfferInput = z.input<typeof createOfferSchema>;
export type CreateOffer = z.output<typeof createOfferSchema>;

/** Editing an offer: any subset of fields; the job title and the start may change too. */
export const updateOfferSchema = offerFieldsSchema
  .partial()
  .extend({
    appellationCode: z
      .string()
      .trim()
      .regex(/^\d{1,8}$/, "Choisissez un métier dans la liste.")
      .optional(),
    startDate: isoDate.optional(),
    startAsap: z.boolean().optional(),
  })
  .refine((v) => !(v.startDate !== undefined && v.startAsap === true), oneStartMessage);
export type UpdateOffer = z.output<typeof updateOfferSchema>;

export const offerSkillSchema = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(["savoirFaire", "savoirEtre", "savoirs"]),
});

export const offerCompanySchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    nafLabel: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    inseeCode: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    description: z.string().nullable(),
    opcoCertified: z.boolean().meta({ description: "Compte certifié par l'OPCO de l'entreprise" }),
  })
  .meta({ id: "OfferCompany" });

/** An offer as candidates and partners see it: never the recruiter's email or phone. */
export const publicOfferSchema = z
  .object({
    id: z.string(),
    status: z.enum(offerStatuses),
    title: z.string(),
    appellation: z.object({ codeOgr: z.string(), label: z.string() }),
    romeCode: z.string(),
    romeLabel: z.string(),
    romeVersion: z.string(),
    description: z.string(),
    access: z.string(),
    skills: z.array(offerSkillSchema),
    startDate: z.string().nullable().meta({ description: "AAAA-MM-JJ ; null quand le début est « dès que possible »" }),
    startAsap: z.boolean(),
    contractTypes: z.array(z.enum(contractTypes)),
    diplomaLevel: z.number().int().nullable(),
    durationMonths: z.number().int(),
    positions: z.number().int(),
    rhythm: z.string().nullable(),
    disabilityFriendly: z.boolean(),
    company: offerCompanySchema,
    intermediary: z
      .object({ kind: z.enum(["cfa", "opco", "chamber"]), name: z.string() })
      .nullable()
      .meta({ description: "Organisme qui a déposé l'offre pour l'entreprise" }),
    publishedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    url: z.string().meta({ description: "Page publique de l'offre" }),
  })
  .meta({ id: "Offer" });
export type PublicOffer = z.infer<typeof publicOfferSchema>;

/** What the owner sees in their space: the public offer plus counters and the contact. */
export const ownerOfferSchema = publicOfferSchema
  .extend({
    views: z.number().int(),
    applications: z.number().int(),
    companyContact: z.object({
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
    }),
    statusLabel: z.string(),
    createdAt: z.iso.datetime(),
    /** « Prolonger » would move the end date (core's extensionMovesExpiry with the server's offer duration). */
    canExtend: z.boolean(),
    /** Who posted it: colleagues of a verified organisation share their offers (« Publiée par … »). */
    postedBy: z.object({ name: z.string(), isMe: z.boolean() }).nullable(),
  })
  .meta({ id: "OwnerOffer" });
export type OwnerOffer = z.infer<typeof ownerOfferSchema>;
