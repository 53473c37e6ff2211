import { z } from "zod";
import { isInFrance } from "../rules/geo.js";
import { contractTypes } from "./offer.js";

/** `romes=D1102,D1104`: upper-cased, deduplicated, 1 to 20 ROME codes (every search takes it). */
export const romeListQuery = z
  .string()
  .transform((v) => [
    ...new Set(
      v
        .split(",")
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().regex(/^[A-N]\d{4}$/, "Codes ROME attendus, séparés par des virgules (ex. D1102,D1104)."))
      .min(1, "Indiquez au moins un code ROME.")
      .max(20, "20 codes ROME au plus."),
  );

/** A place and a radius in France: shared by every search (offers, companies, trainings). */
export const placeQuery = {
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
  radius: z.coerce.number().int().min(1).max(200).default(30).meta({ description: "Rayon en km (200 au plus)" }),
};

export const inFrance = {
  check: (v: { latitude: number; longitude: number }) => isInFrance(v.latitude, v.longitude),
  message: {
    message: "Ces coordonnées ne sont pas en France (métropole ou outre-mer). Vérifiez latitude et longitude.",
    path: ["latitude"],
  },
};

export const jobSearchQuerySchema = z
  .object({
    romes: romeListQuery.optional().meta({ description: "Codes ROME, séparés par des virgules", example: "D1102" }),
    appellationCode: z
      .string()
      .regex(/^\d{1,8}$/)
      .optional()
      .meta({ description: "Code OGR d'une appellation (à la place de romes)" }),
    ...placeQuery,
    diplomaLevel: z.coerce.number().int().min(3).max(7).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .refine((v) => v.romes !== undefined || v.appellationCode !== undefined, {
    message: "Indiquez un métier : romes ou appellationCode.",
    path: ["romes"],
  })
  .refine(inFrance.check, inFrance.message);
export type JobSearchQuery = z.output<typeof jobSearchQuerySchema>;

export const searchOfferSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    romeCode: z.string(),
    company: z.object({
      name: z.string(),
      city: z.string().nullable(),
      postalCode: z.string().nullable(),
      opcoCertified: z.boolean(),
    }),
    lat: z.number(),
    lon: z.number(),
    distanceKm: z.number(),
    startDate: z.string().nullable(),
    startAsap: z.boolean(),
    contractTypes: z.array(z.enum(contractTypes)),
    diplomaLevel: z.number().int().nullable(),
    publishedAt: z.iso.datetime(),
    url: z.string(),
  })
  .meta({ id: "SearchOffer" });
export type SearchOffer = z.infer<typeof searchOfferSchema>;

export const searchCompanySchema = z
  .object({
    siret: z.string(),
    name: z.string(),
    nafLabel: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    lat: z.number(),
    lon: z.number(),
    distanceKm: z.number(),
    score: z.number().meta({ description: "Potentiel d'embauche en alternance, 0 à 100" }),
    jobs: z.array(
      z.object({
        romeCode: z.string(),
        romeLabel: z.string(),
        score: z.number(),
        explanation: z.string(),
        declared: z.boolean(),
      }),
    ),
  })
  .meta({ id: "SearchCompany" });
export type SearchCompany = z.infer<typeof searchCompanySchema>;

export const jobSearchResultSchema = z.object({
  offers: z.array(searchOfferSchema),
  companies: z.array(searchCompanySchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "À renvoyer dans cursor pour la page suivante ; null à la fin" }),
});
