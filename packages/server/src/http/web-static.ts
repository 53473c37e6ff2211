import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { errorCatalog } from "@tremplin/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { webDistDir } from "../lib/paths.js";
import { errorBody } from "./error-handler.js";

const apiLike = /^\/(api|feeds|dev|healthz)(\/|$)/;

/**
 * Serves the built web app: hashed assets with long caching, and index.html for every other GET
 * that asks for a page (client-side routes). API paths keep their JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir = webDistDir): Promise<void> {
  const indexFile = path.join(distDir, "index.html");
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          reply.header("cache-control", "public, max-age=31536000, immutable");
        else reply.header("cache-control", "no-cache");
      },
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split("?")[0] ?? "/";
    const wantsPage = request.method === "GET" && !apiLike.test(url) && !path.extname(url);
    if (wantsPage && built) {
      // Read per request: a rebuilt app is served without a restart, and the file is small.
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(readFileSync(indexFile));
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
