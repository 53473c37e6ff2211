import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireApiKey, requirePrincipal, requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import { applyEmailAction } from "./email-actions-service.js";
import * as lifecycle from "./lifecycle-service.js";
import { closePartnerOffer, createOrUpsertOffer, replacePartnerOffer } from "./offer-writes-service.js";
import * as publicService from "./public-service.js";

const c = contracts.offers;

/**
 * Every write to `/api/v1/offers` (the web form, a CFA or adviser on behalf, partners' keys) is
 * here; what partners read (`GET /api/v1/offers` since a cursor, the export) is diffusion's.
 */
export function offersRoutes(app: FastifyInstance, _appDeps: AppDeps, services: Services): void {
  const deps = services.offers;

  registerRoute(app, c.createOffer, ({ body }, { request }) =>
    createOrUpsertOffer(deps, requirePrincipal(request), body),
  );
  // Partners' own offers, by their reference: contracts in core's diffusion group (API docs' tag).
  registerRoute(app, contracts.diffusion.upsertPartnerOffer, ({ params, body }, { request }) =>
    replacePartnerOffer(deps, params.id, requireApiKey(request), body),
  );
  registerRoute(app, contracts.diffusion.closePartnerOffer, ({ params, body }, { request }) =>
    closePartnerOffer(deps, params.id, requireApiKey(request), body.reason),
  );
  registerRoute(app, c.getOffer, ({ params }) => publicService.getPublicOffer(deps, params.id));
  registerRoute(app, c.recordOfferView, async ({ params }) => {
    await publicService.recordView(deps, params.id);
    services.offerCounters.add("views", [params.id]);
  });
  registerRoute(app, c.listMyOffers, async (_input, { request }) => ({
    items: await lifecycle.listOwnerOffers(deps, requireSession(request).userId),
  }));
  registerRoute(app, c.getMyOffer, ({ params }, { request }) =>
    lifecycle.getOwnerOffer(deps, params.id, requireSession(request).userId),
  );
  registerRoute(app, c.updateOffer, ({ params, body }, { request }) =>
    lifecycle.updateOffer(deps, params.id, requireSession(request).userId, body),
  );
  registerRoute(app, c.extendOffer, ({ params }, { request }) =>
    lifecycle.ownerAction(deps, params.id, requireSession(request).userId, "extend"),
  );
  registerRoute(app, c.markOfferFilled, ({ params }, { request }) =>
    lifecycle.ownerAction(deps, params.id, requireSession(request).userId, "filled"),
  );
  registerRoute(app, c.cancelOffer, ({ params }, { request }) =>
    lifecycle.ownerAction(deps, params.id, requireSession(request).userId, "cancel"),
  );
  registerRoute(app, c.duplicateOffer, ({ params }, { request }) =>
    lifecycle.duplicateOffer(deps, params.id, requireSession(request).userId),
  );
  registerRoute(app, c.applyEmailAction, ({ body }) => applyEmailAction(deps, body.token));
  registerRoute(app, c.listPartnerCompanies, (_input, { request }) =>
    publicService.partnerCompanies(deps, requireSession(request).userId),
  );
}
