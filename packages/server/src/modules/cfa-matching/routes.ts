import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import * as answers from "./answers-service.js";
import * as requestsService from "./requests-service.js";
import { searchTrainings } from "./trainings-service.js";

const c = contracts.cfaMatching;

export function cfaMatchingRoutes(app: FastifyInstance, _appDeps: AppDeps, services: Services): void {
  const deps = services.cfaMatching;

  registerRoute(app, c.getCfaSuggestions, ({ params }, { request }) =>
    requestsService.suggestionsForOffer(deps, params.id, requireSession(request).userId),
  );
  registerRoute(app, c.createCfaRequests, ({ params, body }, { request }) =>
    requestsService.createRequests(deps, params.id, requireSession(request).userId, body.cfaSirets),
  );
  registerRoute(app, c.listOfferCfaRequests, ({ params }, { request }) =>
    requestsService.listOfferRequests(deps, params.id, requireSession(request).userId),
  );

  registerRoute(app, c.readCfaLink, ({ body }) => answers.readRequestLink(deps, body.token));
  registerRoute(app, c.answerCfaLink, ({ body }) =>
    answers.answerFromLink(deps, body.token, { answer: body.answer, message: body.message }),
  );
  registerRoute(app, c.optOutCfaLink, ({ body }) => answers.setOptOutFromLink(deps, body.token, true));
  registerRoute(app, c.optInCfaLink, ({ body }) => answers.setOptOutFromLink(deps, body.token, false));

  registerRoute(app, c.listCfaInbox, (_input, { request }) => answers.cfaInbox(deps, requireSession(request).userId));
  registerRoute(app, c.answerCfaRequest, ({ params, body }, { request }) =>
    answers.answerFromSpace(deps, requireSession(request).userId, params.id, body),
  );
  registerRoute(app, c.setCfaPreferences, ({ params, body }, { request }) =>
    answers.setPreferences(deps, requireSession(request).userId, params.siret, body.acceptsRequests),
  );

  registerRoute(app, c.searchTrainings, async ({ query }) => ({
    items: await searchTrainings(deps.db, {
      romeCodes: query.romes,
      lat: query.latitude,
      lon: query.longitude,
      radiusKm: query.radius,
      diplomaLevel: query.diplomaLevel,
      limit: query.limit,
    }),
    radiusKm: query.radius,
  }));
}
