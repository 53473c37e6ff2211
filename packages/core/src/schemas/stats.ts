import { z } from "zod";

/** One day of an offer's audience (Paris days). */
export const offerStatsDaySchema = z.object({
  day: z.iso.date(),
  impressions: z.number().int().meta({ description: "Affichages dans les résultats de recherche" }),
  views: z.number().int().meta({ description: "Consultations de la page de l'offre" }),
  applyClicks: z.number().int().meta({ description: "Candidats qui ont commencé à postuler" }),
  applications: z.number().int().meta({ description: "Candidatures envoyées" }),
});
export type OfferStatsDay = z.infer<typeof offerStatsDaySchema>;

export const offerStatsSchema = z
  .object({
    offerId: z.uuid(),
    from: z.iso.date(),
    to: z.iso.date(),
    /** Every day from `from` to `to`, zeros included, so that a chart needs no gap filling. */
    days: z.array(offerStatsDaySchema),
    totals: offerStatsDaySchema.omit({ day: true }),
  })
  .meta({ id: "OfferStats" });
export type OfferStats = z.infer<typeof offerStatsSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM (ex. 2026-03).");

export const barometerQuerySchema = z
  .object({
    from: month.optional().meta({ description: "Premier mois (AAAA-MM) ; par défaut, 11 mois avant to" }),
    to: month.optional().meta({ description: "Dernier mois (AAAA-MM) ; par défaut, le mois en cours" }),
    region: z
      .string()
      .regex(/^\d{2,3}$/, "Code de région INSEE attendu (ex. 84).")
      .optional()
      .meta({ description: "Code INSEE d'une région ; sans lui, la France entière et chaque région" }),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "from doit précéder to.", path: ["from"] });
export type BarometerQuery = z.output<typeof barometerQuerySchema>;

export const barometerFiguresSchema = z.object({
  offersPosted: z.number().int(),
  applicationsToOffers: z.number().int(),
  spontaneousApplications: z.number().int(),
  /** Applications at least 7 days old at the time of the query: the base of answerRate. */
  applicationsAnswerable: z.number().int(),
  answeredWithin7Days: z.number().int(),
  answerRate: z
    .number()
    .nullable()
    .meta({ description: "Part (0 à 1) des candidatures d'au moins 7 jours qui ont reçu une réponse en 7 jours" }),
  medianDaysToFirstAnswer: z
    .number()
    .nullable()
    .meta({ description: "Délai médian, en jours, entre la candidature et la première réponse" }),
  hires: z.number().int().meta({ description: "Recrutements déclarés (par le recruteur ou le candidat)" }),
});
export type BarometerFigures = z.infer<typeof barometerFiguresSchema>;

export const barometerSchema = z
  .object({
    from: month,
    to: month,
    region: z.object({ code: z.string(), name: z.string() }).nullable(),
    regions: z.array(z.object({ code: z.string(), name: z.string() })),
    /** One row per month, for the whole of France or the region asked. */
    months: z.array(barometerFiguresSchema.extend({ month })),
    /** Per month and region (region null: the place is unknown); only without `region`. */
    byRegion: z.array(barometerFiguresSchema.extend({ month, regionCode: z.string().nullable() })),
    computedAt: z.iso.datetime(),
  })
  .meta({ id: "Barometer" });
export type Barometer = z.infer<typeof barometerSchema>;
