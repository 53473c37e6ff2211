import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import { RomeTree } from "./rome-tree.js";
import { searchJobs } from "./service.js";

export function searchRoutes(app: FastifyInstance, deps: AppDeps, services: Services): void {
  const context = {
    db: deps.db.db,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    romeTree: new RomeTree(deps.db.db, deps.clock),
  };
  const counters = services.offerCounters;
  registerRoute(app, contracts.search.searchJobs, async ({ query }) => {
    const result = await searchJobs(context, query);
    // Impressions for the recruiters' statistics: counted in memory, written in batches.
    counters.add(
      "impressions",
      result.offers.map((o) => o.id),
    );
    return result;
  });
}
