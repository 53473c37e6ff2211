import type { FastifyRequest } from "fastify";
import { checkCsrf } from "../../http/csrf.js";
import type { Principal } from "../../lib/principal.js";
import { type AuthDeps, resolveSession } from "./auth-service.js";
import { readSessionToken } from "./session-cookie.js";

/**
 * The signed-in person behind the session cookie. A state-changing request carrying the cookie
 * from another site is refused (SameSite=Lax already blocks most; http/csrf.ts closes the rest).
 */
export function sessionResolver(deps: AuthDeps) {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const token = readSessionToken(request);
    if (!token) return null;
    checkCsrf(request, deps.config);
    return resolveSession(deps, token);
  };
}
