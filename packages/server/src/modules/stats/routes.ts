import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requirePrincipal } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import type { Services } from "../../services.js";
import { getBarometer } from "./barometer-service.js";
import { getOfferStats, recordApplyClick } from "./service.js";

const c = contracts.stats;

export function statsRoutes(app: FastifyInstance, deps: AppDeps, services: Services): void {
  const offers = services.offers;
  const counters = services.offerCounters;
  // What this instance counted is written before it stops.
  app.addHook("onClose", async () => counters.stop());

  registerRoute(app, c.getMyOfferStats, ({ params }, { request }) => {
    const principal = requirePrincipal(request);
    if (principal.kind !== "session") throw new AppError("FORBIDDEN");
    return getOfferStats(deps, offers, counters, params.id, principal.userId);
  });
  registerRoute(app, c.recordApplyClick, async ({ params }) => {
    recordApplyClick(counters, params.id);
  });
  registerRoute(app, c.getBarometer, ({ query }) => getBarometer({ db: deps.db.db, clock: deps.clock }, query));
}
