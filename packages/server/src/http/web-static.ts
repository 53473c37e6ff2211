import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fastifyStatic from "@fastify/static";
import { errorCatalog } from "@tremplin/core";
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { webDistDir } from "../lib/paths.js";
import { errorBody } from "./error-handler.js";

const apiLike = /^\/(api|feeds|dev|healthz|sitemaps?)(\/|$|\.xml)/;

/** What the server knows about a page before the browser runs any script (search engines, link previews). */
export interface PageHead {
  status: number;
  /** Complete tags to put in <head> (already escaped), replacing the default <title>. */
  html: string;
}

const ONE_YEAR_IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Hashed build assets never change: cached for good. The DSFR's static files are named without a
 * hash but the pages ask for them with the DSFR version (`?v=1.14.2`, `dsfr.min.css?v=…`): cached
 * for good too when asked that way, for a day otherwise. Only index.html (sent by the not-found
 * handler below) is revalidated on every visit, so that a deploy is seen at once.
 */
export function cacheControlFor(filePath: string, url: string | undefined): string {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) return ONE_YEAR_IMMUTABLE;
  if (filePath.includes(`${path.sep}dsfr${path.sep}`))
    return url && /[?&]v=[\w.-]+/.test(url) ? ONE_YEAR_IMMUTABLE : "public, max-age=86400";
  return "no-cache";
}

/**
 * The page, compressed as the browser accepts (brotli, else gzip). The not-found handler is not a
 * route, so @fastify/compress (which hooks routes) does not reach it; a page is a few KB.
 */
function sendPage(request: FastifyRequest, reply: FastifyReply, page: string) {
  reply.header("vary", "accept-encoding");
  const accepted = String(request.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header("content-encoding", "br").send(body);
  }
  if (/\bgzip\b/.test(accepted)) return reply.header("content-encoding", "gzip").send(gzipSync(page));
  return reply.send(page);
}

export type PageHeadRenderer = (pathname: string) => Promise<PageHead | null>;

/**
 * Serves the built web app: hashed assets with long caching, and index.html for every other GET or
 * HEAD that asks for a page (client-side routes), with server-rendered head tags where a renderer
 * knows the page (offer pages carry their JSON-LD this way). API paths keep their JSON 404.
 */
export async function registerWebApp(
  app: FastifyInstance,
  distDir = webDistDir,
  renderHead?: PageHeadRenderer,
  /** Runs before each page or not-found answer (the per-address page limit). */
  pageLimit?: preHandlerAsyncHookHandler,
): Promise<void> {
  const indexFile = path.join(distDir, "index.html");
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Files are listed at start: restart the server after rebuilding the app (npm start does both).
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text asset (packages/web/scripts/precompress.mjs):
      // served as they are when the browser accepts them, no compression work per request.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header("cache-control", cacheControlFor(filePath, reply.request.url));
      },
    });
  }

  app.setNotFoundHandler({ ...(pageLimit ? { preHandler: pageLimit } : {}) }, async (request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    const wantsPage =
      (request.method === "GET" || request.method === "HEAD") && !apiLike.test(url) && !path.extname(url);
    if (wantsPage && built) {
      // Read per request: the file is small, and a rebuilt index is picked up without a restart.
      let page = readFileSync(indexFile, "utf8");
      let status = 200;
      const head = renderHead ? await renderHead(url).catch(() => null) : null;
      if (head) {
        status = head.status;
        // A function replacer: offer text may hold `$&`, `` $` `` or `$'`, which a replacement string
        // would expand into parts of the page.
        page = page.replace(/<title>[^<]*<\/title>/, () => "").replace("</head>", () => `${head.html}\n</head>`);
      }
      reply.status(status).type("text/html; charset=utf-8").header("cache-control", "no-cache");
      return sendPage(request, reply, page);
    }
    if (wantsPage) {
      return reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .send(
          "L'interface n'est pas construite. Lancez « npm start » (ou « npm run build:web ») à la racine du projet.",
        );
    }
    return reply
      .status(404)
      .send(errorBody("ROUTE_NOT_FOUND", `${errorCatalog.ROUTE_NOT_FOUND.message} (${request.method} ${url})`));
  });
}
