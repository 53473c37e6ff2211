import { z } from "zod";
import { emailSchema } from "./account.js";
import { inFrance } from "./search.js";

const romeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-N]\d{4}$/, "Codes ROME attendus (ex. D1102).");

/**
 * A job alert as the search page creates it: the search's jobs, place and radius, and the address
 * new offers go to. No free text: the job and the place are named by the server (the appellation or
 * ROME label, the nearest commune), so that nobody can put words in a mail sent to someone else.
 */
export const createAlertSchema = z
  .object({
    email: emailSchema.meta({ description: "Les nouvelles offres seront envoyées à cette adresse" }),
    romes: z
      .array(romeCode)
      .min(1, "Indiquez au moins un code ROME.")
      .max(10, "10 codes ROME au plus.")
      .transform((codes) => [...new Set(codes)]),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    radius: z.number().int().min(1).max(200).meta({ description: "Rayon en km (200 au plus)" }),
    diplomaLevel: z.number().int().min(3).max(7).nullable().optional(),
    appellationCode: z
      .string()
      .regex(/^\d{1,8}$/)
      .optional()
      .meta({ description: "Code OGR de l'appellation cherchée (pour le lien vers la recherche)" }),
  })
  .refine(inFrance.check, inFrance.message);
export type CreateAlertInput = z.output<typeof createAlertSchema>;

export const alertCreatedSchema = z.object({
  id: z.uuid(),
  /** Always false here: the alert starts once the link in the email is followed. */
  confirmed: z.boolean(),
  message: z.string(),
});

export const alertTokenSchema = z.object({ token: z.string().min(20).max(600) });

export const alertSchema = z
  .object({
    id: z.uuid(),
    romes: z.array(z.string()),
    jobLabel: z.string(),
    placeLabel: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    radius: z.number().int(),
    diplomaLevel: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    searchUrl: z.string().nullable(),
  })
  .meta({ id: "JobAlert" });
export type JobAlert = z.infer<typeof alertSchema>;

export const alertConfirmationSchema = z.object({
  alert: alertSchema,
  /** False when the link had already been used: nothing changed. */
  confirmedNow: z.boolean(),
  message: z.string(),
});

export const alertUnsubscribedSchema = z.object({
  /** False when the alert was already gone (a second click, or deleted from the space). */
  removed: z.boolean(),
  message: z.string(),
});

/** RFC 8058: the token is in the address (List-Unsubscribe), the body is `List-Unsubscribe=One-Click`. */
export const alertUnsubscribeQuerySchema = z.object({ token: z.string().min(20).max(600) });
