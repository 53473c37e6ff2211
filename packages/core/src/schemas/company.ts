import { z } from "zod";
import { compactIdentifier, siretHelp, siretProblem } from "../rules/siret.js";

/**
 * A SIRET as a person types it ("123 456 789 00012"), compacted then checked (length and
 * checksum). Forms use it; the API route checks with the same rule and answers SIRET_INVALID.
 */
export const siretSchema = z
  .string()
  .transform(compactIdentifier)
  .superRefine((siret, ctx) => {
    const problem = siretProblem(siret);
    if (problem === "format") ctx.addIssue({ code: "custom", message: `Saisissez 14 chiffres. ${siretHelp}` });
    if (problem === "checksum")
      ctx.addIssue({
        code: "custom",
        message: "Ce numéro SIRET comporte une erreur de saisie : vérifiez chaque chiffre.",
      });
  })
  .meta({ example: "356 000 000 00048" });

export const companyAddressSchema = z
  .object({
    street: z.string().nullable().meta({ example: "12 RUE DE LA REPUBLIQUE" }),
    postalCode: z.string().nullable().meta({ example: "69002" }),
    city: z.string().nullable().meta({ example: "Lyon" }),
    inseeCode: z.string().nullable().meta({ description: "Code commune INSEE", example: "69123" }),
  })
  .meta({ id: "CompanyAddress" });

export const companySchema = z
  .object({
    siret: z.string().meta({ example: "35600000000048" }),
    siren: z.string().meta({ example: "356000000" }),
    name: z.string().meta({
      description: "Dénomination de l'unité légale ; pour un entrepreneur individuel, ses prénom et nom",
    }),
    brand: z.string().nullable().meta({ description: "Enseigne ou nom usuel de l'établissement" }),
    nafCode: z.string().nullable().meta({ description: "Code NAF rév. 2 sans point", example: "1071C" }),
    nafLabel: z.string().nullable(),
    headcountBand: z.string().nullable().meta({
      description: "Tranche d'effectif salarié INSEE (00 à 53, NN : non renseignée)",
      example: "11",
    }),
    address: companyAddressSchema,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    opco: z.string().nullable().meta({ description: "Nom de l'OPCO, déduit de la convention collective" }),
    idcc: z.number().int().nullable().meta({ description: "Convention collective (IDCC), si connue" }),
    trainingOrganisation: z.boolean().meta({
      description:
        "Organisme de formation (NAF 85.xx de l'enseignement) : il s'inscrit comme CFA, pas comme entreprise",
    }),
  })
  .meta({ id: "Company" });
export type Company = z.infer<typeof companySchema>;

export const demoSiretKinds = ["withOpco", "withoutOpco", "closed", "notDiffusible", "trainingOrganisation"] as const;
export type DemoSiretKind = (typeof demoSiretKinds)[number];

export const demoSiretSchema = z
  .object({
    kind: z.enum(demoSiretKinds),
    label: z.string().meta({ example: "Entreprise dont l'OPCO est connu" }),
    siret: z.string(),
    name: z.string(),
  })
  .meta({ id: "DemoSiret" });
export type DemoSiret = z.infer<typeof demoSiretSchema>;
