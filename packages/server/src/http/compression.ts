import { constants } from "node:zlib";
import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/**
 * Brotli or gzip for responses built per request (API JSON, NDJSON export, feeds, index.html),
 * from 1 KB. Brotli at quality 4: close to gzip's CPU cost with smaller output; quality 11 (the
 * default) costs tens of milliseconds per large response. Build assets are compressed once at build
 * time and served as they are (web-static.ts), which this plugin leaves alone (content-encoding set).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
