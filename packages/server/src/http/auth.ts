import type { ApiScope, Role } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./app-error.js";

/** Who is calling: a signed-in person, a partner's API key, or nobody (null). */
export type Principal =
  | { kind: "session"; sessionId: string; userId: string; role: Role; opcoId: string | null }
  | { kind: "apiKey"; apiKeyId: string; partner: string; scopes: readonly ApiScope[]; ratePerMinute: number };

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
