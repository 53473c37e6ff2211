import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import * as service from "./service.js";

const c = contracts.referential;

export function referentialRoutes(app: FastifyInstance, { db }: AppDeps, services: Services): void {
  const indexes = services.referenceIndexes;
  registerRoute(app, c.searchAppellations, ({ query }) => service.searchAppellations(indexes, query.q, query.limit));
  registerRoute(app, c.getRome, ({ params }) => service.getRomeFiche(db.db, params.romeCode));
  registerRoute(app, c.searchCommunes, ({ query }) => service.searchCommunes(db.db, indexes, query));
  registerRoute(app, c.nearestCommune, ({ query }) => service.nearestCommune(db.db, query.latitude, query.longitude));
  registerRoute(app, c.listOpcos, () => service.listOpcos(db.db));
  registerRoute(app, c.getNaf, ({ params }) => service.getNaf(db.db, params.code));
  registerRoute(app, c.listDiplomaLevels, () => service.listDiplomaLevels(db.db));
}
