import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import { searchJobs } from "./service.js";

export function searchRoutes(app: FastifyInstance, deps: AppDeps): void {
  const context = { db: deps.db.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  registerRoute(app, contracts.search.searchJobs, ({ query }) => searchJobs(context, query));
}
