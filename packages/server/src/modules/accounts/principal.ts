import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";
import type { Principal } from "../../lib/principal.js";
import { type AuthDeps, resolveSession } from "./auth-service.js";
import { readSessionToken } from "./session-cookie.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originAllowed(origin: string, deps: AuthDeps): boolean {
  if (origin === new URL(deps.config.publicUrl).origin) return true;
  // The Vite dev server proxies the API from another port on this machine.
  return deps.config.env !== "production" && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
}

/**
 * The signed-in person behind the session cookie. A state-changing request carrying the cookie
 * from another site is refused (SameSite=Lax already blocks most; this closes the rest).
 */
export function sessionResolver(deps: AuthDeps) {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const token = readSessionToken(request);
    if (!token) return null;
    const origin = request.headers.origin;
    if (!SAFE_METHODS.has(request.method) && origin && !originAllowed(origin, deps)) {
      throw new AppError("CSRF_REJECTED");
    }
    return resolveSession(deps, token);
  };
}
