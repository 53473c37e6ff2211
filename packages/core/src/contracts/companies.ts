import { z } from "zod";
import { companySchema, demoSiretSchema } from "../schemas/company.js";
import { defineRoute } from "./define.js";

export const getCompany = defineRoute({
  method: "GET",
  path: "/api/v1/companies/:siret",
  summary: "Établissement par son SIRET",
  description:
    "Dénomination, enseigne, activité (NAF), effectif, adresse, position et OPCO d'un établissement du répertoire Sirene. " +
    "Le SIRET peut contenir des espaces. Erreurs : SIRET_INVALID (400), SIRET_UNKNOWN (404), SIRET_CLOSED (422), " +
    "SIRET_NOT_DIFFUSIBLE (422, aucune donnée n'est renvoyée).",
  tags: ["Entreprises"],
  auth: "public",
  // Checked by the service so that a bad SIRET answers SIRET_INVALID with a helpful message.
  params: z.object({ siret: z.string().max(64).meta({ example: "356 000 000 00048" }) }),
  responses: { 200: companySchema },
  // Enough for a person filling a form; too few to crawl the directory.
  rateLimitPerMinute: 30,
});

export const listDemoSirets = defineRoute({
  method: "GET",
  path: "/api/v1/demo/sirets",
  summary: "SIRET de démonstration à essayer",
  description:
    "Quelques établissements fictifs du jeu de démonstration, un par cas (OPCO connu ou non, fermé, non diffusible, organisme de formation). 404 quand le jeu de démonstration n'est pas chargé.",
  tags: ["Démonstration"],
  auth: "public",
  responses: { 200: z.array(demoSiretSchema) },
});
