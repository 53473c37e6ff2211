import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { errorCatalog } from "@tremplin/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { webDistDir } from "../lib/paths.js";
import { errorBody } from "./error-handler.js";

const apiLike = /^\/(api|feeds|dev|healthz|sitemaps?)(\/|$|\.xml)/;

/** What the server knows about a page before the browser runs any script (search engines, link previews). */
export interface PageHead {
  status: number;
  /** Complete tags to put in <head> (already escaped), replacing the default <title>. */
  html: string;
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
): Promise<void> {
  const indexFile = path.join(distDir, "index.html");
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Files are listed at start: restart the server after rebuilding the app (npm start does both).
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          reply.header("cache-control", "public, max-age=31536000, immutable");
        else reply.header("cache-control", "no-cache");
      },
    });
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
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
      return reply.status(status).type("text/html; charset=utf-8").header("cache-control", "no-cache").send(page);
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
