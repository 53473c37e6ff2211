import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import * as service from "./service.js";

const c = contracts.companies;

export function companiesRoutes(app: FastifyInstance, deps: AppDeps, services: Services): void {
  const companies = services.companies;
  registerRoute(app, c.getCompany, ({ params }) => service.getCompany(companies, params.siret));
  registerRoute(app, c.listDemoSirets, () => service.listDemoSirets(companies, deps.config.demoData));
}
