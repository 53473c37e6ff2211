import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import type { PageHeadRenderer } from "../../http/web-static.js";
import { offerPageHead, offersFeed, offersSitemap, pagesSitemap, sitemapIndex } from "./seo-service.js";

const XML = "application/xml; charset=utf-8";

/** Head tags for pages the server can describe: offer pages (404/410 status for unknown or closed offers). */
export function pageHeadRenderer(deps: AppDeps): PageHeadRenderer {
  return (pathname) => offerPageHead({ db: deps.db.db, config: deps.config }, pathname);
}

/** sitemap.xml (an index of page and offer sitemaps) and the XML jobs feed for aggregators. */
export function seoRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = deps.config.publicUrl;

  app.get("/sitemap.xml", { schema: { hide: true } }, async (_request, reply) =>
    reply.type(XML).send(await sitemapIndex(deps.db.db, base)),
  );

  app.get("/sitemaps/pages.xml", { schema: { hide: true } }, async (_request, reply) =>
    reply.type(XML).send(pagesSitemap(base)),
  );

  app.get<{ Params: { part: string } }>(
    "/sitemaps/offres-:part.xml",
    { schema: { hide: true } },
    async (request, reply) => reply.type(XML).send(await offersSitemap(deps.db.db, base, Number(request.params.part))),
  );

  app.get("/feeds/offers.xml", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type(XML)
      .header("cache-control", "public, max-age=300")
      .send(offersFeed(deps.db.db, deps.clock, base)),
  );
}
