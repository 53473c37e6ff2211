import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import * as service from "./service.js";

const c = contracts.companies;

export function companiesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const companies = service.companiesDeps(deps, (message) => app.log.warn(message));
  registerRoute(app, c.getCompany, ({ params }) => service.getCompany(companies, params.siret));
  registerRoute(app, c.listDemoSirets, () => service.listDemoSirets(companies, deps.config.demoData));
}
