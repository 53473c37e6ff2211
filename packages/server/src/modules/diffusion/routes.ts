import { contracts } from "@tremplin/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireApiKey } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { exportEtag, exportStream, listOffersSince } from "./sync-service.js";
import * as webhooks from "./webhooks-service.js";

const c = contracts.diffusion;

/** What partners read (offers since a cursor, the export) and their webhooks; offer writes are the offers module's. */
export function diffusionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.db.db;

  registerRoute(app, c.listOffersSince, ({ query }) => listOffersSince(db, deps.config.publicUrl, query));

  registerRoute(app, c.exportOffers, async (_input, { request, reply }) => {
    const etag = await exportEtag(db);
    reply.header("etag", etag).header("cache-control", "no-cache");
    if (request.headers["if-none-match"] === etag) return reply.status(304).send();
    return reply
      .status(200)
      .header("content-type", "application/gzip")
      .header("content-disposition", 'attachment; filename="tremplin-offres.ndjson.gz"')
      .send(exportStream(db, deps.config.publicUrl));
  });

  registerRoute(app, c.createWebhook, ({ body }, { request }) =>
    webhooks.createWebhook(db, deps.config, requireApiKey(request).apiKeyId, body.url, body.events, deps.resolveHost),
  );
  registerRoute(app, c.listWebhooks, (_input, { request }) =>
    webhooks.listWebhooks(db, requireApiKey(request).apiKeyId),
  );
  registerRoute(app, c.deleteWebhook, async ({ params }, { request }) => {
    await webhooks.deleteWebhook(db, requireApiKey(request).apiKeyId, params.id, deps.clock.now());
  });
}
