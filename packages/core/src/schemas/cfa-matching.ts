import { z } from "zod";
import { cfaAnswers, cfaMatchKinds, cfaRequestStatuses } from "../rules/cfa-matching.js";
import { siretSchema } from "./company.js";
import { contractTypes } from "./offer.js";
import { placeQuery, romeListQuery } from "./search.js";

export const CFA_LIMITS = {
  /** CFAs suggested for one offer, and chosen in one go. */
  suggestions: 10,
  /** Trainings shown under each suggested CFA. */
  trainingsPerCfa: 5,
  answerMessage: 1000,
} as const;

const matchKind = z.enum(cfaMatchKinds).meta({
  description:
    "exact : forme au métier de l'offre ; parent : au métier ROME dont la fiche est issue ; domain : au même domaine professionnel",
});

export const matchedTrainingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    diplomaLevel: z.number().int().nullable(),
    cfd: z.string().nullable(),
    rncpCode: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    distanceKm: z.number(),
    match: matchKind,
  })
  .meta({ id: "MatchedTraining" });
export type MatchedTraining = z.infer<typeof matchedTrainingSchema>;

const requestStatus = z.enum(cfaRequestStatuses).meta({
  description:
    "held : envoyée dès la mise en ligne de l'offre ; sent : envoyée ; cancelled : non envoyée (CFA désinscrit)",
});
const answer = z
  .enum(cfaAnswers)
  .meta({ description: "candidates : propose des candidats ; no_candidate : pas pour le moment" });

export const cfaSuggestionSchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    uai: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    distanceKm: z.number().meta({ description: "Distance du lieu de travail à la formation la plus proche (km)" }),
    match: matchKind,
    trainings: z
      .array(matchedTrainingSchema)
      .meta({ description: "Formations correspondantes, les plus pertinentes d'abord (5 au plus)" }),
    trainingsCount: z.number().int(),
    request: z
      .object({ id: z.string(), status: requestStatus, answer: answer.nullable() })
      .nullable()
      .meta({ description: "Demande déjà faite à ce CFA pour cette offre" }),
  })
  .meta({ id: "CfaSuggestion" });
export type CfaSuggestion = z.infer<typeof cfaSuggestionSchema>;

export const cfaSuggestionsSchema = z
  .object({
    offerId: z.string(),
    romeCode: z.string(),
    romeLabel: z.string(),
    radiusKm: z.number().int(),
    located: z
      .boolean()
      .meta({ description: "false quand le lieu de travail n'a pas de position : aucune suggestion possible" }),
    canRequest: z.boolean().meta({ description: "false pour une offre pourvue, annulée ou expirée" }),
    held: z
      .boolean()
      .meta({ description: "true quand l'offre n'est pas encore en ligne : les demandes partiront à sa publication" }),
    items: z.array(cfaSuggestionSchema),
  })
  .meta({ id: "CfaSuggestions" });
export type CfaSuggestions = z.infer<typeof cfaSuggestionsSchema>;

export const createCfaRequestsSchema = z.object({
  cfaSirets: z
    .array(siretSchema)
    .min(1, "Choisissez au moins un CFA.")
    .max(CFA_LIMITS.suggestions, `Choisissez au plus ${CFA_LIMITS.suggestions} CFA.`)
    .meta({ description: "SIRET des CFA choisis parmi les suggestions" }),
});
export type CreateCfaRequests = z.output<typeof createCfaRequestsSchema>;

/** A request as the recruiter sees it. The CFA's address is given once it offers candidates. */
export const ownerCfaRequestSchema = z
  .object({
    id: z.string(),
    cfa: z.object({ siret: z.string(), name: z.string(), city: z.string().nullable() }),
    match: matchKind,
    distanceKm: z.number(),
    status: requestStatus,
    statusLabel: z.string(),
    answer: answer.nullable(),
    answerLabel: z.string().nullable(),
    answerMessage: z.string().nullable(),
    cfaContactEmail: z.string().nullable().meta({ description: "Adresse du CFA, quand il propose des candidats" }),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "OwnerCfaRequest" });
export type OwnerCfaRequest = z.infer<typeof ownerCfaRequestSchema>;

export const offerCfaRequestsSchema = z.object({
  offerId: z.string(),
  held: z.boolean(),
  items: z.array(ownerCfaRequestSchema),
});
export type OfferCfaRequests = z.infer<typeof offerCfaRequestsSchema>;

/** The offer as a CFA sees it in a request: never the recruiter's email address or phone (ADR 006). */
export const cfaRequestOfferSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    romeCode: z.string(),
    romeLabel: z.string(),
    companyName: z.string(),
    contactName: z.string().meta({ description: "Prénom et nom du contact de l'entreprise" }),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    startDate: z.string().nullable(),
    startAsap: z.boolean(),
    contractTypes: z.array(z.enum(contractTypes)),
    diplomaLevel: z.number().int().nullable(),
    durationMonths: z.number().int(),
    positions: z.number().int(),
    rhythm: z.string().nullable(),
    online: z.boolean(),
    url: z.string().nullable().meta({ description: "Page publique de l'offre, quand elle est en ligne" }),
  })
  .meta({ id: "CfaRequestOffer" });

const answerState = {
  answer: answer.nullable(),
  answerMessage: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  canAnswer: z.boolean().meta({ description: "false quand l'offre est pourvue ou annulée" }),
};

/** What the one-click page shows a CFA (no account needed). */
export const cfaLinkRequestSchema = z
  .object({
    requestId: z.string(),
    cfa: z.object({ siret: z.string(), name: z.string() }),
    offer: cfaRequestOfferSchema,
    ...answerState,
  })
  .meta({ id: "CfaLinkRequest" });
export type CfaLinkRequest = z.infer<typeof cfaLinkRequestSchema>;

export const cfaAnswerInputSchema = z.object({
  answer,
  message: z.string().trim().max(CFA_LIMITS.answerMessage).nullish().meta({
    description: "Message à l'entreprise (facultatif), par exemple le nombre de candidats ou un créneau d'appel",
  }),
});
export type CfaAnswerInput = z.output<typeof cfaAnswerInputSchema>;

export const cfaAnswerResultSchema = z.object({
  requestId: z.string(),
  answer,
  applied: z.boolean().meta({ description: "false quand la même réponse avait déjà été donnée" }),
  message: z.string(),
});

export const cfaOptOutResultSchema = z.object({
  siret: z.string(),
  name: z.string(),
  acceptsRequests: z.boolean(),
  applied: z.boolean(),
  message: z.string(),
});

/** A request in a CFA's space. */
export const cfaInboxItemSchema = z
  .object({
    id: z.string(),
    cfaSiret: z.string(),
    offer: cfaRequestOfferSchema,
    match: matchKind,
    distanceKm: z.number(),
    sentAt: z.iso.datetime(),
    ...answerState,
  })
  .meta({ id: "CfaInboxItem" });
export type CfaInboxItem = z.infer<typeof cfaInboxItemSchema>;

export const cfaOrganisationStateSchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    inCatalogue: z.boolean(),
    acceptsRequests: z.boolean(),
  })
  .meta({ id: "CfaOrganisationState" });

export const cfaInboxSchema = z.object({
  organisations: z.array(cfaOrganisationStateSchema),
  items: z.array(cfaInboxItemSchema),
});
export type CfaInbox = z.infer<typeof cfaInboxSchema>;

/** Same parameter names as the offers and companies search, so one form drives all three. */
export const trainingSearchQuerySchema = z.object({
  romes: romeListQuery.meta({ description: "Codes ROME, séparés par des virgules", example: "D1102,D1104" }),
  ...placeQuery,
  diplomaLevel: z.coerce
    .number()
    .int()
    .min(3)
    .max(7)
    .optional()
    .meta({ description: "Niveau du diplôme (3 CAP … 7 Master)" }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TrainingSearchQuery = z.output<typeof trainingSearchQuerySchema>;

export const trainingResultSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    cfd: z.string().nullable(),
    rncpCode: z.string().nullable(),
    diplomaLevel: z.number().int().nullable(),
    diplomaLevelLabel: z.string().nullable(),
    romeCodes: z.array(z.string()),
    match: z
      .enum(["exact", "parent"])
      .meta({ description: "exact : un des codes demandés ; parent : le code ROME classique dont il est issu" }),
    organisation: z.object({ siret: z.string(), name: z.string(), uai: z.string().nullable() }),
    place: z.object({
      address: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      inseeCode: z.string().nullable(),
      lat: z.number(),
      lon: z.number(),
    }),
    distanceKm: z.number(),
    startMonths: z.array(z.string()).meta({ description: "Mois de rentrée connus (AAAA-MM)" }),
  })
  .meta({ id: "Training" });
export type TrainingResult = z.infer<typeof trainingResultSchema>;

export const trainingSearchResultSchema = z.object({
  items: z.array(trainingResultSchema),
  radiusKm: z.number().int(),
});
export type TrainingSearchResult = z.infer<typeof trainingSearchResultSchema>;
