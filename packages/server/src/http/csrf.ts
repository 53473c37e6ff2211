import type { FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import { AppError } from "../lib/app-error.js";

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for the site's own origin (and, outside production, the Vite dev server on this machine). */
export function isOwnOrigin(origin: string, config: Pick<Config, "publicUrl" | "env">): boolean {
  if (origin === new URL(config.publicUrl).origin) return true;
  return config.env !== "production" && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
}

/** application/json or any +json type: a cross-site page cannot send one without a CORS preflight we never grant. */
function isJson(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

/**
 * The CSRF rule for a state-changing request that carries the session cookie (ADR 010). Partners'
 * API keys never reach it: a Bearer header is not sent by a browser on its own.
 *
 * - an `Origin` must be ours (browsers send it on every cross-site POST/PUT/PATCH/DELETE);
 * - `Sec-Fetch-Site`, when sent, must be `same-origin` (or `none`: typed by the person);
 * - with neither, the request must be JSON or have no body: a form from another site (old browser,
 *   or an `Origin` stripped by a proxy) always carries a form content type, and is refused.
 */
export function checkCsrf(request: FastifyRequest, config: Pick<Config, "publicUrl" | "env">): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (isOwnOrigin(origin, config)) return;
    throw new AppError("CSRF_REJECTED");
  }
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) {
    if (site === "same-origin" || site === "none") return;
    throw new AppError("CSRF_REJECTED");
  }
  const contentType = request.headers["content-type"];
  if (contentType === undefined || isJson(contentType)) return;
  throw new AppError("CSRF_ORIGIN_REQUIRED");
}
