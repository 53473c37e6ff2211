import { jobSearchQuerySchema, jobSearchResultSchema } from "../schemas/search.js";
import { defineRoute } from "./define.js";

export const searchJobs = defineRoute({
  method: "GET",
  path: "/api/v1/jobs/search",
  summary: "Rechercher des offres et des entreprises susceptibles de recruter, par métier et lieu",
  description:
    "Offres d'alternance en ligne triées par distance, et entreprises à fort potentiel d'embauche (algorithme) classées par potentiel et distance, avec une rotation quotidienne. Appel anonyme possible à un débit réduit ; une clé d'API partenaire relève le débit.",
  tags: ["Recherche"],
  auth: "public",
  rateLimitPerMinute: 60,
  query: jobSearchQuerySchema,
  responses: { 200: jobSearchResultSchema },
});
