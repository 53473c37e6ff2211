import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import { searchJobs } from "./service.js";

export function searchRoutes(app: FastifyInstance, _deps: AppDeps, services: Services): void {
  const counters = services.offerCounters;
  registerRoute(app, contracts.search.searchJobs, async ({ query }) => {
    const result = await searchJobs(services.search, query);
    // Impressions for the recruiters' statistics: counted in memory, written in batches.
    counters.add(
      "impressions",
      result.offers.map((o) => o.id),
    );
    return result;
  });
}
