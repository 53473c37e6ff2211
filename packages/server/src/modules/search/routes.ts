import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import { RomeTree } from "./rome-tree.js";
import { searchJobs } from "./service.js";

export function searchRoutes(app: FastifyInstance, deps: AppDeps): void {
  const context = {
    db: deps.db.db,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    romeTree: new RomeTree(deps.db.db, deps.clock),
  };
  registerRoute(app, contracts.search.searchJobs, ({ query }) => searchJobs(context, query));
}
