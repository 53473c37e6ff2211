import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../lib/app-error.js";
import type { Principal, SessionPrincipal } from "../lib/principal.js";

export type PrincipalResolver = (request: FastifyRequest) => Promise<Principal | null>;

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** True when the principal satisfies a contract's `auth`. */
export function isAllowed(
  auth: Exclude<NonNullable<FastifyRequest["routeOptions"]["config"]["auth"]>, "public">,
  principal: Principal,
): boolean {
  if (principal.kind === "session") return auth.roles?.includes(principal.role) ?? false;
  return auth.scopes?.some((scope) => principal.scopes.includes(scope)) ?? false;
}

/**
 * The one place access rules are enforced: each contract declares `auth`, this hook checks it before
 * anything else runs (so an anonymous caller gets 401, not a validation error).
 */
export function installAuth(app: FastifyInstance, resolvePrincipal: PrincipalResolver): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const auth = request.routeOptions.config.auth;
    if (!auth) return;
    request.principal = await resolvePrincipal(request);
    if (auth === "public") return;
    if (!request.principal) throw new AppError("UNAUTHENTICATED");
    if (!isAllowed(auth, request.principal)) throw new AppError("FORBIDDEN");
  });
}

/** The principal of a route whose contract requires one (the hook guarantees it). */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("UNAUTHENTICATED");
  return request.principal;
}

/**
 * The signed-in person of a route that acts for a person (a partner's key gets 403: such routes are
 * not for partners even when a contract lets a key reach the same path).
 */
export function requireSession(request: FastifyRequest): SessionPrincipal {
  const principal = requirePrincipal(request);
  if (principal.kind !== "session") throw new AppError("FORBIDDEN");
  return principal;
}

/** The partner's API key of a route that acts for a partner (a signed-in person gets 403). */
export function requireApiKey(request: FastifyRequest): Extract<Principal, { kind: "apiKey" }> {
  const principal = requirePrincipal(request);
  if (principal.kind !== "apiKey") throw new AppError("FORBIDDEN");
  return principal;
}
