import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requirePrincipal } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import type { Services } from "../../services.js";
import { getMe } from "../accounts/query-service.js";
import * as alerts from "./service.js";

const c = contracts.alerts;

async function candidateEmail(app: AppDeps, request: FastifyRequest): Promise<string> {
  const principal = requirePrincipal(request);
  if (principal.kind !== "session") throw new AppError("FORBIDDEN");
  return (await getMe(app.db.db, principal.userId)).email.toLowerCase();
}

export function alertsRoutes(app: FastifyInstance, appDeps: AppDeps, services: Services): void {
  const deps = services.alerts;

  registerRoute(app, c.createAlert, ({ body }) => alerts.createAlert(deps, body));
  registerRoute(app, c.confirmAlert, ({ body }) => alerts.confirmAlert(deps, body.token));
  registerRoute(app, c.listMyAlerts, async (_input, { request }) => ({
    items: await alerts.listAlertsOf(deps, await candidateEmail(appDeps, request)),
  }));
  registerRoute(app, c.deleteMyAlert, async ({ params }, { request }) => {
    await alerts.deleteAlertOf(deps, await candidateEmail(appDeps, request), params.id);
  });

  // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` as a form. The form parser lives in
  // this scope only: every other route keeps its JSON-only parsing.
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    registerRoute(scope, c.unsubscribeAlert, ({ query }) => alerts.unsubscribe(deps, query.token));
  });
}
