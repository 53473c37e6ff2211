import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { AppError } from "../../http/app-error.js";
import { requirePrincipal } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { applicationsDeps } from "../applications/context.js";
import * as service from "./service.js";

const c = contracts.reports;

function adminIdOf(request: FastifyRequest): string {
  const principal = requirePrincipal(request);
  if (principal.kind !== "session") throw new AppError("FORBIDDEN");
  return principal.userId;
}

export function reportsRoutes(app: FastifyInstance, appDeps: AppDeps): void {
  const deps = applicationsDeps(appDeps);
  registerRoute(app, c.createReport, ({ body }) => service.createReport(deps, body));
  registerRoute(app, c.listReports, async ({ query }) => ({ items: await service.listReports(deps, query.status) }));
  registerRoute(app, c.unpublishReported, ({ params, body }, { request }) =>
    service.unpublish(deps, adminIdOf(request), params.id, body.note ?? null),
  );
  registerRoute(app, c.dismissReport, ({ params, body }, { request }) =>
    service.dismiss(deps, adminIdOf(request), params.id, body.note ?? null),
  );
}
