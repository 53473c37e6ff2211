import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { AppError } from "../../http/app-error.js";
import type { PageHeadRenderer } from "../../http/web-static.js";
import { presentPublicOffer } from "../offers/presenter.js";
import { getPublicOffer } from "../offers/public-service.js";
import { offerHead } from "./seo.js";
import { activeOffersAfter } from "./sync-repository.js";
import { xmlElement, xmlEscape } from "./xml.js";

const OFFERS_PER_SITEMAP = 40_000;
const staticPages = ["/", "/recherche", "/inscription", "/connexion", "/api-partenaires", "/api-partenaires/reference"];

/** Head tags for pages the server can describe: offer pages (404/410 status for unknown or closed offers). */
export function pageHeadRenderer(deps: AppDeps): PageHeadRenderer {
  return async (pathname) => {
    const match = /^\/offres\/([0-9a-f-]{36})$/.exec(pathname);
    if (!match?.[1]) return null;
    try {
      const offer = await getPublicOffer({ db: deps.db.db, config: deps.config }, match[1]);
      return { status: 200, html: offerHead(offer) };
    } catch (error) {
      if (error instanceof AppError) {
        const title = error.code === "OFFER_NO_LONGER_AVAILABLE" ? "Offre plus disponible" : "Offre introuvable";
        return {
          status: error.status,
          html: `<title>${title} | Tremplin</title>\n<meta name="robots" content="noindex">`,
        };
      }
      throw error;
    }
  };
}

/** Streams active offers in id order, page by page. */
async function* activeOffers(deps: AppDeps, from: string | null, max: number) {
  let after = from;
  let sent = 0;
  while (sent < max) {
    const rows = await activeOffersAfter(deps.db.db, after, Math.min(1000, max - sent));
    if (rows.length === 0) return;
    for (const row of rows) yield row;
    sent += rows.length;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

/** sitemap.xml (an index of page and offer sitemaps) and the XML jobs feed for aggregators. */
export function seoRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = deps.config.publicUrl;
  const xml = (body: string | Readable) => ({ type: "application/xml; charset=utf-8", body });

  app.get("/sitemap.xml", { schema: { hide: true } }, async (_request, reply) => {
    const count = await deps.db.db
      .selectFrom("offers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    const parts = Math.max(1, Math.ceil(Number(count.n) / OFFERS_PER_SITEMAP));
    const entries = [
      `${base}/sitemaps/pages.xml`,
      ...Array.from({ length: parts }, (_, i) => `${base}/sitemaps/offres-${i + 1}.xml`),
    ];
    const { type, body } = xml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.map((u) => `  <sitemap><loc>${xmlEscape(u)}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`,
    );
    return reply.type(type).send(body);
  });

  app.get("/sitemaps/pages.xml", { schema: { hide: true } }, async (_request, reply) => {
    const urls = staticPages.map((p) => `  <url><loc>${xmlEscape(`${base}${p}`)}</loc></url>`).join("\n");
    return reply
      .type("application/xml; charset=utf-8")
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
      );
  });

  app.get<{ Params: { part: string } }>(
    "/sitemaps/offres-:part.xml",
    { schema: { hide: true } },
    async (request, reply) => {
      const part = Number(request.params.part);
      if (!Number.isInteger(part) || part < 1 || part > 10_000) throw new AppError("NOT_FOUND");
      // Page n starts after the last id of page n-1 (ids are ordered; one indexed lookup).
      const start =
        part === 1
          ? null
          : await deps.db.db
              .selectFrom("offers")
              .select("id")
              .where("status", "=", "active")
              .orderBy("id")
              .offset((part - 1) * OFFERS_PER_SITEMAP - 1)
              .limit(1)
              .executeTakeFirst();
      const from = part === 1 ? null : (start?.id ?? "ffffffff-ffff-ffff-ffff-ffffffffffff");
      async function* lines() {
        yield `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
        for await (const o of activeOffers(deps, from, OFFERS_PER_SITEMAP)) {
          yield `  <url>${xmlElement("loc", `${base}/offres/${o.id}`)}${xmlElement("lastmod", new Date(o.updated_at).toISOString())}</url>\n`;
        }
        yield "</urlset>\n";
      }
      return reply.type("application/xml; charset=utf-8").send(Readable.from(lines()));
    },
  );

  app.get("/feeds/offers.xml", { schema: { hide: true } }, async (_request, reply) => {
    async function* lines() {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<source>\n  <publisher>Tremplin</publisher>\n  <publisherurl>${xmlEscape(base)}</publisherurl>\n  ${xmlElement("lastBuildDate", deps.clock.now().toUTCString())}\n`;
      for await (const row of activeOffers(deps, null, Number.MAX_SAFE_INTEGER)) {
        const o = presentPublicOffer(row, base);
        yield [
          "  <job>",
          `    ${xmlElement("referencenumber", o.id)}`,
          `    ${xmlElement("title", o.title)}`,
          `    ${xmlElement("company", o.company.name)}`,
          `    ${xmlElement("city", o.company.city ?? "")}`,
          `    ${xmlElement("postalcode", o.company.postalCode ?? "")}`,
          "    <country>FR</country>",
          `    ${xmlElement("description", o.description)}`,
          `    ${xmlElement("url", o.url)}`,
          `    ${xmlElement("date", o.publishedAt ?? "")}`,
          `    ${xmlElement("expirationdate", o.expiresAt ?? "")}`,
          `    ${xmlElement("startdate", o.startDate ?? "dès que possible")}`,
          `    ${xmlElement("jobtype", o.contractTypes.join(", "))}`,
          `    ${xmlElement("category", `${o.romeCode} ${o.romeLabel}`)}`,
          "  </job>\n",
        ].join("\n");
      }
      yield "</source>\n";
    }
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .send(Readable.from(lines()));
  });
}
