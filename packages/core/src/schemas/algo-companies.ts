import { z } from "zod";
import { hasControlCharacters, oneLineMessage } from "../rules/one-line.js";
import { emailSchema, phoneSchema } from "./account.js";
// Classic ROME codes, or ROME 4.0 fiche codes that the server maps to their classic parent.
import { romeCodeSchema } from "./referential.js";

const personName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Indiquez le ${what} du contact.`)
    .max(80, "Saisissez au plus 80 caractères.")
    .refine((v) => !hasControlCharacters(v), oneLineMessage);

export const algoContactSchema = z
  .object({
    firstName: personName("prénom"),
    lastName: personName("nom"),
    email: emailSchema,
    phone: phoneSchema,
  })
  .meta({ id: "AlgoCompanyContact" });
export type AlgoContact = z.output<typeof algoContactSchema>;

/** "Déréférencer mon entreprise": who asks (checked against the contact we know) and why. */
export const delistingRequestSchema = z.object({
  email: emailSchema.meta({ description: "Adresse de la personne qui demande le retrait" }),
  reason: z
    .string()
    .trim()
    .min(3, "Indiquez en quelques mots la raison de votre demande.")
    .max(1000, "Saisissez au plus 1 000 caractères."),
});
export type DelistingRequestInput = z.input<typeof delistingRequestSchema>;

/** "Référencer mon entreprise": a contact and the jobs the company recruits apprentices for. */
export const listingRequestSchema = z.object({
  contact: algoContactSchema,
  romes: z
    .array(romeCodeSchema)
    .min(1, "Choisissez au moins un métier.")
    .max(10, "Choisissez au plus 10 métiers.")
    .meta({ description: "Codes ROME des métiers pour lesquels l'entreprise accueille des alternants" }),
  message: z.string().trim().max(1000, "Saisissez au plus 1 000 caractères.").optional(),
});
export type ListingRequestInput = z.input<typeof listingRequestSchema>;

/** The same answer whatever happens next, so that it never reveals which contact we know. */
export const requestReceivedSchema = z
  .object({ id: z.string(), status: z.literal("received"), message: z.string() })
  .meta({ id: "AlgoRequestReceived" });

export const delistingConfirmedSchema = z.object({
  siret: z.string(),
  companyName: z.string(),
  applied: z.boolean().meta({ description: "false quand le retrait avait déjà été confirmé (second clic)" }),
  message: z.string(),
});

export const recruitingJobSchema = z
  .object({
    romeCode: z.string(),
    romeLabel: z.string(),
    score: z
      .number()
      .int()
      .min(0)
      .max(100)
      .meta({ description: "Chance (0–100) d'au moins un recrutement en alternance dans les 6 mois" }),
    explanation: z.string().meta({ example: "A recruté 4 alternants au cours des 3 dernières années." }),
    declared: z.boolean().meta({ description: "Métier déclaré par l'entreprise elle-même (et non prédit)" }),
  })
  .meta({ id: "RecruitingJob" });

/** An exposed company as anyone may see it: never a contact, never the predicted figure. */
export const recruitingCompanySchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    nafCode: z.string().nullable(),
    nafLabel: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    position: z.object({ lat: z.number(), lon: z.number() }).meta({ description: "Position de l'établissement" }),
    score: z.number().int().min(0).max(100),
    jobs: z.array(recruitingJobSchema),
    openOffers: z
      .array(z.object({ id: z.string(), title: z.string(), city: z.string().nullable(), url: z.string() }))
      .meta({
        description:
          "Offres en ligne de cet établissement : mieux vaut y postuler qu'envoyer une candidature spontanée",
      }),
    asOf: z.string().nullable().meta({ description: "Date d'observation des données du calcul publié (AAAA-MM-JJ)" }),
  })
  .meta({ id: "RecruitingCompany" });
export type RecruitingCompany = z.infer<typeof recruitingCompanySchema>;

export const delistingStatuses = ["awaiting_confirmation", "pending_review", "done", "refused"] as const;
export const delistingStatusLabels: Record<(typeof delistingStatuses)[number], string> = {
  awaiting_confirmation: "En attente du clic de confirmation",
  pending_review: "À examiner",
  done: "Retirée",
  refused: "Refusée",
};
export const listingStatuses = ["pending", "accepted", "refused"] as const;
export const listingStatusLabels: Record<(typeof listingStatuses)[number], string> = {
  pending: "À examiner",
  accepted: "Acceptée : entreprise exposée",
  refused: "Refusée",
};

const decisionFields = {
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
};

export const delistingRequestCardSchema = z
  .object({
    id: z.string(),
    siret: z.string(),
    companyName: z.string().nullable(),
    email: z.string(),
    reason: z.string(),
    status: z.enum(delistingStatuses),
    statusLabel: z.string(),
    ...decisionFields,
  })
  .meta({ id: "DelistingRequest" });

export const listingRequestCardSchema = z
  .object({
    id: z.string(),
    siret: z.string(),
    companyName: z.string().nullable(),
    opco: z.object({ id: z.string(), name: z.string() }).nullable(),
    contact: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() }),
    romes: z.array(z.object({ code: z.string(), label: z.string() })),
    message: z.string().nullable(),
    status: z.enum(listingStatuses),
    statusLabel: z.string(),
    ...decisionFields,
  })
  .meta({ id: "ListingRequest" });

export const requestQueueQuerySchema = z.object({
  status: z.enum(["open", "all"]).default("open").meta({ description: "open : à traiter (défaut) ; all : toutes" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const decisionReasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, "Indiquez le motif : il est transmis à la personne qui a fait la demande.")
    .max(1000),
});

/** What an admin may change on a company's exposure; every field optional. */
export const companyOverrideSchema = z.object({
  contact: algoContactSchema
    .nullable()
    .optional()
    .meta({ description: "Contact connu (sert à vérifier les demandes de retrait) ; null pour l'effacer" }),
  boost: z
    .number()
    .min(0)
    .max(50)
    .optional()
    .meta({ description: "Points ajoutés au score pour le classement (0 à 50)" }),
  addRomes: z.array(romeCodeSchema).max(20).optional(),
  removeRomes: z.array(romeCodeSchema).max(50).optional(),
  resetRomes: z
    .array(romeCodeSchema)
    .max(50)
    .optional()
    .meta({ description: "Métiers rendus à la décision de l'algorithme" }),
});
export type CompanyOverrideInput = z.input<typeof companyOverrideSchema>;

export const adminCompanySchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    nafLabel: z.string().nullable(),
    city: z.string().nullable(),
    exposed: z.boolean(),
    score: z.number().nullable().meta({ description: "Score de l'établissement au calcul publié" }),
    delisting: z.object({ reason: z.string(), origin: z.string(), at: z.iso.datetime() }).nullable(),
    listed: z.boolean(),
    boost: z.number(),
    contact: algoContactSchema.nullable(),
    jobs: z.array(recruitingJobSchema.extend({ source: z.enum(["algorithm", "listing", "admin"]) })),
    overrides: z.array(z.object({ romeCode: z.string(), romeLabel: z.string(), action: z.enum(["add", "remove"]) })),
    history: z.array(z.object({ actor: z.string(), action: z.string(), details: z.unknown(), at: z.iso.datetime() })),
  })
  .meta({ id: "AlgoAdminCompany" });

export const algoRunSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["evaluate", "score"]),
    status: z.enum(["running", "succeeded", "failed"]),
    trigger: z.string(),
    asOf: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    firstPublishedAt: z.iso.datetime().nullable(),
    active: z.boolean(),
    previous: z.boolean(),
    hasReport: z.boolean(),
    exposedCompanies: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "AlgoRun" });

const topSharesGroupSchema = z.object({
  code: z.string(),
  label: z.string(),
  establishments: z.number().int(),
  hires: z.number(),
  shares: z.array(z.number()),
});

/**
 * La Bonne Boîte's measure: share of the hires made by the top 10 %, 20 % … (`steps`) of
 * establishments ranked by prediction, overall and within each région and NAF section.
 */
export const topSharesSchema = z
  .object({
    steps: z.array(z.number()),
    establishments: z.number().int(),
    hires: z.number(),
    overall: z.array(z.number()),
    regions: z.array(topSharesGroupSchema),
    sections: z.array(topSharesGroupSchema),
  })
  .meta({ id: "AlgoTopShares" });

/** Predicted vs realised: the measure on the contracts imported after a scoring run. */
export const algoRunOutcomeSchema = z
  .object({
    windowStart: z.iso.date(),
    windowEnd: z.iso.date().meta({ description: "Premier jour après la fenêtre mesurée" }),
    months: z.number().int(),
    establishments: z.number().int(),
    hires: z.number().int(),
    unscoredHires: z.number().int().meta({ description: "Contrats d'établissements que le calcul n'a pas notés" }),
    predicted: z.number(),
    measuredAt: z.iso.datetime(),
    shares: topSharesSchema,
  })
  .meta({ id: "AlgoRunOutcome" });

export const algoRunDetailSchema = algoRunSchema
  .extend({
    summary: z.record(z.string(), z.unknown()),
    report: z.unknown().nullable().meta({ description: "Rapport d'évaluation (JSON), pour les calculs algo:evaluate" }),
    reportMarkdownUrl: z.string().nullable(),
    reportSvgUrl: z.string().nullable(),
    backtestShares: topSharesSchema
      .nullable()
      .meta({ description: "Mesure de La Bonne Boîte au backtest (modèle Tremplin), pour les évaluations" }),
    outcome: algoRunOutcomeSchema
      .nullable()
      .meta({ description: "Prédit contre réalisé, une fois importés les contrats postérieurs au calcul" }),
  })
  .meta({ id: "AlgoRunDetail" });

export const publicationSchema = z
  .object({
    activeRunId: z.string(),
    previousRunId: z.string().nullable(),
    companies: z.number().int(),
    pairs: z.number().int(),
  })
  .meta({ id: "AlgoPublication" });
