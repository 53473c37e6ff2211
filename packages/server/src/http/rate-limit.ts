import type { FastifyRequest } from "fastify";

/**
 * Rate limits run after the auth hook (they are route-level hooks), so the caller is known: a
 * partner's API key has its own quota (set with api-keys:create --rate), anyone else is counted by IP.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  return principal?.kind === "apiKey" ? `key:${principal.apiKeyId}` : `ip:${request.ip}`;
}

/** The partner's own rate, or undefined for anonymous and signed-in callers. */
export function partnerRate(request: FastifyRequest): number | undefined {
  const principal = request.principal;
  return principal?.kind === "apiKey" ? principal.ratePerMinute : undefined;
}
