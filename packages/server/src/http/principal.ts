import type { FastifyRequest } from "fastify";
import type { Principal } from "../lib/principal.js";
import type { PrincipalResolver } from "./auth.js";

/**
 * The caller of a request: a partner when an Authorization header is sent (API key), otherwise the
 * session cookie's person, otherwise nobody.
 */
export function composePrincipalResolver(
  apiKey: (authorization: string) => Promise<Principal>,
  session: (request: FastifyRequest) => Promise<Principal | null>,
): PrincipalResolver {
  return async (request) => {
    const authorization = request.headers.authorization;
    if (authorization) return apiKey(authorization);
    return session(request);
  };
}
