import { z } from "zod";

export const romeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-N]\d{4}$/, "Un code ROME s'écrit avec une lettre et quatre chiffres, par exemple D1102.");

export const inseeCodeSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "Un code commune INSEE compte 5 caractères, par exemple 69123.");

export const postalCodeSchema = z.string().regex(/^\d{5}$/, "Un code postal compte 5 chiffres.");

export const nafCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(".", ""))
  .pipe(z.string().regex(/^\d{4}[A-Z]$/, "Un code NAF s'écrit comme 1071C ou 10.71C."));

export const appellationSuggestionSchema = z
  .object({
    codeOgr: z.string().meta({ example: "11573" }),
    label: z.string().meta({ example: "Boulanger / Boulangère" }),
    romeCode: z.string().meta({ example: "D1102" }),
    romeLabel: z.string().meta({ example: "Boulanger / Boulangère" }),
  })
  .meta({ id: "AppellationSuggestion" });
export type AppellationSuggestion = z.infer<typeof appellationSuggestionSchema>;

export const skillSchema = z
  .object({
    code: z.string().meta({ description: "Code OGR de la compétence" }),
    label: z.string(),
    core: z.boolean().meta({ description: "Compétence « cœur de métier » de la fiche" }),
  })
  .meta({ id: "Skill" });
export type Skill = z.infer<typeof skillSchema>;

export const skillKinds = ["savoirFaire", "savoirEtre", "savoirs"] as const;
export type SkillKind = (typeof skillKinds)[number];

export const romeFicheSchema = z
  .object({
    romeCode: z.string(),
    label: z.string(),
    parentRomeCode: z.string().meta({ description: "Code ROME « classique » (v3) dont la fiche est issue" }),
    definition: z.string(),
    access: z.string(),
    skills: z.object({
      savoirFaire: z.array(skillSchema),
      savoirEtre: z.array(skillSchema),
      savoirs: z.array(skillSchema),
    }),
    domain: z.object({
      code: z.string(),
      label: z.string(),
      grandDomainCode: z.string(),
      grandDomainLabel: z.string(),
    }),
    appellations: z.array(z.object({ codeOgr: z.string(), label: z.string(), principal: z.boolean() })),
    closeJobs: z
      .array(
        z.object({
          romeCode: z.string(),
          label: z.string(),
          appellation: z.object({ codeOgr: z.string(), label: z.string() }),
        }),
      )
      .meta({
        description:
          "Métiers proches (mobilités du ROME), les plus proches d'abord, chacun avec son appellation principale : des pistes quand une recherche ne trouve rien",
      }),
    romeVersion: z.string(),
  })
  .meta({ id: "RomeFiche" });
export type RomeFiche = z.infer<typeof romeFicheSchema>;

export const communeSchema = z
  .object({
    inseeCode: z.string().meta({ example: "69123" }),
    name: z.string().meta({ example: "Lyon" }),
    postalCodes: z.array(z.string()).meta({ example: ["69001", "69002"] }),
    departement: z.string().meta({ example: "69" }),
    departementName: z.string().meta({ example: "Rhône" }),
    lat: z.number(),
    lon: z.number(),
  })
  .meta({ id: "Commune" });
export type Commune = z.infer<typeof communeSchema>;

export const opcoSchema = z
  .object({
    id: z.string().meta({ example: "opco-ep" }),
    name: z.string().meta({ example: "OPCO EP" }),
    fullName: z.string().meta({ example: "OPCO des entreprises de proximité" }),
  })
  .meta({ id: "Opco" });
export type Opco = z.infer<typeof opcoSchema>;

export const nafSchema = z
  .object({
    code: z.string().meta({ example: "1071C" }),
    label: z.string(),
    section: z.object({ code: z.string(), label: z.string() }),
  })
  .meta({ id: "Naf" });
export type Naf = z.infer<typeof nafSchema>;

export const diplomaLevelSchema = z
  .object({ level: z.number().int().min(3).max(7), label: z.string(), franceTravailCode: z.string() })
  .meta({ id: "DiplomaLevel" });
export type DiplomaLevel = z.infer<typeof diplomaLevelSchema>;
