import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import * as service from "./service.js";

const c = contracts.contact;

export function contactRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerRoute(app, c.createContactMessage, ({ body }) => service.sendContactMessage(deps, body));
  registerRoute(app, c.siteInfo, async () => service.siteInfo(deps));
  registerRoute(app, c.listApiKeyRequests, async ({ query }) => ({
    items: await service.listKeyRequests(deps, query.status),
  }));
  registerRoute(app, c.grantApiKeyRequest, ({ params, body }, { request }) =>
    service.grantKeyRequest(deps, requireSession(request).userId, params.id, body.scopes),
  );
  registerRoute(app, c.refuseApiKeyRequest, ({ params, body }, { request }) =>
    service.refuseKeyRequest(deps, requireSession(request).userId, params.id, body.reason ?? null),
  );
}
