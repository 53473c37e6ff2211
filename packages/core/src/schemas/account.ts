import { z } from "zod";
import { roles } from "../contracts/define.js";
import { hasControlCharacters, oneLineMessage } from "../rules/one-line.js";
import { siretSchema } from "./company.js";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Saisissez au plus 254 caractères.")
  .pipe(z.email({ error: "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr." }));

/** French phone numbers: 10 digits starting with 0, or +33 / +262 … international form; spaces, dots and dashes allowed. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.\-()]/g, ""))
  .pipe(
    z
      .string()
      .regex(
        /^(0[1-9]\d{8}|\+(33|262|269|590|594|596|687|689)\d{6,9})$/,
        "Saisissez un numéro de téléphone à 10 chiffres, par exemple 06 12 34 56 78.",
      ),
  );

const personName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Indiquez votre ${what}.`)
    .max(80, "Saisissez au plus 80 caractères.")
    .regex(/^[^<>{}\d@]+$/, `Votre ${what} ne doit contenir ni chiffres ni caractères spéciaux.`)
    .refine((v) => !hasControlCharacters(v), oneLineMessage);

export const accountTypes = ["company", "cfa"] as const;
export type AccountType = (typeof accountTypes)[number];

export const accountStatuses = ["pending_confirmation", "active", "certified", "rejected", "disabled"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const accountStatusLabels: Record<AccountStatus, string> = {
  pending_confirmation: "Adresse e-mail à confirmer",
  active: "Actif, en attente de certification par l'OPCO",
  certified: "Certifié par l'OPCO",
  rejected: "Refusé",
  disabled: "Désactivé",
};

/** The sign-up form (and the API body): the same rules in the browser and on the server. */
export const signUpSchema = z.object({
  type: z.enum(accountTypes).meta({ description: "company : entreprise qui recrute ; cfa : organisme de formation" }),
  siret: siretSchema,
  firstName: personName("prénom"),
  lastName: personName("nom"),
  email: emailSchema,
  phone: phoneSchema,
  opco: z.string().trim().min(1).max(40).optional().meta({
    description:
      "Identifiant de l'OPCO choisi par la personne quand la convention collective ne permet pas de le déduire, ou « unknown » (« je ne sais pas »)",
    example: "opco-ep",
  }),
  companyName: z
    .string()
    .trim()
    .min(2, "Indiquez le nom de l'entreprise.")
    .max(120, "Saisissez au plus 120 caractères.")
    .optional()
    .meta({ description: "Obligatoire pour un établissement non diffusible, dont le nom n'est pas public" }),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const organisationSchema = z
  .object({
    accountId: z.string(),
    type: z.enum(accountTypes),
    siret: z.string(),
    name: z.string(),
    status: z.enum(accountStatuses),
    statusLabel: z.string(),
    opco: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Why the OPCO or an admin refused the account; null unless the status is « rejected ». */
    rejectionReason: z.string().nullable(),
  })
  .meta({ id: "Organisation" });

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    role: z.enum(roles),
    opco: z.object({ id: z.string(), name: z.string() }).nullable(),
    organisations: z.array(organisationSchema),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export const reasonSchema = z
  .string()
  .trim()
  .min(5, "Expliquez le motif en quelques mots (5 caractères au moins).")
  .max(1000, "Saisissez au plus 1 000 caractères.");

export const accountEventSchema = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
});

export const accountSummarySchema = z
  .object({
    id: z.string(),
    type: z.enum(accountTypes),
    siret: z.string(),
    companyName: z.string(),
    city: z.string().nullable(),
    nafLabel: z.string().nullable(),
    status: z.enum(accountStatuses),
    statusLabel: z.string(),
    opco: z.object({ id: z.string(), name: z.string() }).nullable(),
    opcoSource: z.enum(["idcc", "declared", "admin"]).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AccountSummary" });
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountCardSchema = accountSummarySchema
  .extend({
    contact: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string().nullable() }),
    company: z.object({
      name: z.string(),
      brand: z.string().nullable(),
      nafCode: z.string().nullable(),
      headcountBand: z.string().nullable(),
      address: z.string().nullable(),
      idcc: z.number().nullable(),
      diffusible: z.boolean(),
    }),
    rejectionReason: z.string().nullable(),
    history: z.array(accountEventSchema),
  })
  .meta({ id: "AccountCard" });
export type AccountCard = z.infer<typeof accountCardSchema>;

/** The back offices' account search (a company name or a SIRET): the field stops there too. */
export const ACCOUNT_SEARCH_MAX_LENGTH = 100;

export const accountListQuerySchema = z.object({
  status: z.enum(["waiting", "certified", "rejected", "unconfirmed", "disabled", "all"]).default("waiting"),
  q: z.string().trim().max(ACCOUNT_SEARCH_MAX_LENGTH).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const accountListSchema = z.object({
  items: z.array(accountSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
