import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import * as service from "./service.js";

const c = contracts.reports;

export function reportsRoutes(app: FastifyInstance, _appDeps: AppDeps, services: Services): void {
  const deps = services.applications;
  registerRoute(app, c.createReport, ({ body }) => service.createReport(deps, body));
  registerRoute(app, c.listReports, async ({ query }) => ({ items: await service.listReports(deps, query.status) }));
  registerRoute(app, c.unpublishReported, ({ params, body }, { request }) =>
    service.unpublish(deps, requireSession(request).userId, params.id, body.note ?? null),
  );
  registerRoute(app, c.dismissReport, ({ params, body }, { request }) =>
    service.dismiss(deps, requireSession(request).userId, params.id, body.note ?? null),
  );
}
