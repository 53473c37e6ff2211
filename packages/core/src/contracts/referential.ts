import { z } from "zod";
import {
  appellationSuggestionSchema,
  communeSchema,
  diplomaLevelSchema,
  nafCodeSchema,
  nafSchema,
  opcoSchema,
  postalCodeSchema,
  romeCodeSchema,
  romeFicheSchema,
} from "../schemas/referential.js";
import { inFrance, placeQuery } from "../schemas/search.js";
import { defineRoute } from "./define.js";

const tags = ["Référentiels"] as const;

export const searchAppellations = defineRoute({
  method: "GET",
  path: "/api/v1/referential/appellations",
  summary: "Rechercher un métier (appellation ROME)",
  description:
    "Autocomplétion tolérante aux accents, à la casse et aux fautes de frappe. Les appellations principales et les débuts de mots sont classés en premier.",
  tags,
  auth: "public",
  query: z.object({
    q: z.string().trim().min(2, "Saisissez au moins 2 caractères.").max(100).meta({ example: "boulang" }),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  }),
  responses: { 200: z.array(appellationSuggestionSchema) },
});

export const getRome = defineRoute({
  method: "GET",
  path: "/api/v1/referential/romes/:romeCode",
  summary: "Fiche métier ROME",
  tags,
  auth: "public",
  params: z.object({ romeCode: romeCodeSchema }),
  responses: { 200: romeFicheSchema },
});

export const searchCommunes = defineRoute({
  method: "GET",
  path: "/api/v1/referential/communes",
  summary: "Rechercher une commune par nom ou code postal",
  tags,
  auth: "public",
  query: z
    .object({
      q: z.string().trim().min(2, "Saisissez au moins 2 caractères.").max(100).optional(),
      postalCode: postalCodeSchema.optional(),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    })
    .refine((v) => v.q !== undefined || v.postalCode !== undefined, {
      message: "Indiquez un nom de commune (q) ou un code postal (postalCode).",
      path: ["q"],
    }),
  responses: { 200: z.array(communeSchema) },
});

export const nearestCommune = defineRoute({
  method: "GET",
  path: "/api/v1/referential/communes/nearest",
  summary: "La commune la plus proche d'une position",
  description:
    "Pour nommer une position (« Autour de moi ») : la commune dont le centre est le plus proche, à 30 km au plus ; 404 COMMUNE_NOT_FOUND au-delà.",
  tags,
  auth: "public",
  rateLimitPerMinute: 60,
  query: z
    .object({ latitude: placeQuery.latitude, longitude: placeQuery.longitude })
    .refine(inFrance.check, inFrance.message),
  responses: { 200: communeSchema },
});

export const listOpcos = defineRoute({
  method: "GET",
  path: "/api/v1/referential/opcos",
  summary: "Les 11 opérateurs de compétences (OPCO)",
  tags,
  auth: "public",
  responses: { 200: z.array(opcoSchema) },
});

export const getNaf = defineRoute({
  method: "GET",
  path: "/api/v1/referential/naf/:code",
  summary: "Libellé d'un code NAF rév. 2",
  tags,
  auth: "public",
  params: z.object({ code: nafCodeSchema }),
  responses: { 200: nafSchema },
});

export const listDiplomaLevels = defineRoute({
  method: "GET",
  path: "/api/v1/referential/diploma-levels",
  summary: "Niveaux de diplôme (3 à 7)",
  tags,
  auth: "public",
  responses: { 200: z.array(diplomaLevelSchema) },
});
