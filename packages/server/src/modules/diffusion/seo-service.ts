import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import { presentPublicOffer } from "../offers/presenter.js";
import { getPublicOffer } from "../offers/public-service.js";
import { activeOfferPages } from "./active-offer-pages.js";
import { offerHead } from "./seo.js";
import { activeOfferIdAt, countActiveOffers } from "./sync-repository.js";
import { xmlElement, xmlEscape } from "./xml.js";

type Db = Kysely<Database>;

const OFFERS_PER_SITEMAP = 40_000;
const staticPages = ["/", "/recherche", "/inscription", "/connexion", "/api-partenaires", "/api-partenaires/reference"];

/** Head tags for pages the server can describe: offer pages (404/410 status for unknown or closed offers). */
export async function offerPageHead(
  deps: { db: Db; config: Config },
  pathname: string,
): Promise<{ status: number; html: string } | null> {
  const match = /^\/offres\/([0-9a-f-]{36})$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    const offer = await getPublicOffer(deps, match[1]);
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
}

/** sitemap.xml: an index of the page sitemap and of one offer sitemap per OFFERS_PER_SITEMAP active offers. */
export async function sitemapIndex(db: Db, base: string): Promise<string> {
  const parts = Math.max(1, Math.ceil((await countActiveOffers(db)) / OFFERS_PER_SITEMAP));
  const entries = [
    `${base}/sitemaps/pages.xml`,
    ...Array.from({ length: parts }, (_, i) => `${base}/sitemaps/offres-${i + 1}.xml`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.map((u) => `  <sitemap><loc>${xmlEscape(u)}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`;
}

/** The sitemap of the static pages. */
export function pagesSitemap(base: string): string {
  const urls = staticPages.map((p) => `  <url><loc>${xmlEscape(`${base}${p}`)}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Offer sitemap number `part` (from 1), streamed; NOT_FOUND for a part that cannot exist. */
export async function offersSitemap(db: Db, base: string, part: number): Promise<Readable> {
  if (!Number.isInteger(part) || part < 1 || part > 10_000) throw new AppError("NOT_FOUND");
  // Page n starts after the last id of page n-1 (ids are ordered; one indexed lookup).
  const start = part === 1 ? null : await activeOfferIdAt(db, (part - 1) * OFFERS_PER_SITEMAP - 1);
  const from = part === 1 ? null : (start ?? "ffffffff-ffff-ffff-ffff-ffffffffffff");
  async function* lines() {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
    for await (const page of activeOfferPages(db, { after: from, max: OFFERS_PER_SITEMAP })) {
      for (const o of page)
        yield `  <url>${xmlElement("loc", `${base}/offres/${o.id}`)}${xmlElement("lastmod", new Date(o.updated_at).toISOString())}</url>\n`;
    }
    yield "</urlset>\n";
  }
  return Readable.from(lines());
}

/** The XML jobs feed for aggregators: every active offer, streamed. */
export function offersFeed(db: Db, clock: Clock, base: string): Readable {
  async function* lines() {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<source>\n  <publisher>Tremplin</publisher>\n  <publisherurl>${xmlEscape(base)}</publisherurl>\n  ${xmlElement("lastBuildDate", clock.now().toUTCString())}\n`;
    for await (const page of activeOfferPages(db))
      for (const row of page) {
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
  return Readable.from(lines());
}
