import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requirePrincipal, requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import type { Services } from "../../services.js";
import { actorOf } from "./actor-service.js";
import * as auth from "./auth-service.js";
import * as lifecycle from "./lifecycle-service.js";
import * as queries from "./query-service.js";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "./session-cookie.js";
import { signUp } from "./sign-up-service.js";

const c = contracts.accounts;

/** The acting person, for the audit trail (candidates: 403). */
const actorOfRequest = (deps: AppDeps, request: FastifyRequest) => actorOf(deps.db.db, requireSession(request));

function opcoPerimeter(request: FastifyRequest): string {
  const principal = requirePrincipal(request);
  if (principal.kind !== "session" || !principal.opcoId) throw new AppError("FORBIDDEN");
  return principal.opcoId;
}

export function accountsRoutes(app: FastifyInstance, deps: AppDeps, services: Services): void {
  const authDeps = services.accounts;
  const db = deps.db.db;

  registerRoute(app, c.signUp, ({ body }) => signUp(authDeps, services.companies, body));

  registerRoute(app, c.requestMagicLink, async ({ body }) => {
    await auth.requestMagicLink(authDeps, body.email, body.redirectTo);
  });

  registerRoute(app, c.verifyMagicLink, async ({ body }, { request, reply }) => {
    const session = await auth.verifyMagicLink(authDeps, body.token, {
      userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
      ip: request.ip,
    });
    setSessionCookie(reply, deps.config, session.sessionToken, session.expiresAt);
    return { redirectTo: session.redirectTo };
  });

  registerRoute(app, c.logout, async (_input, { request, reply }) => {
    await auth.logout(authDeps, readSessionToken(request));
    clearSessionCookie(reply, deps.config);
  });

  registerRoute(app, c.me, (_input, { request }) => {
    const principal = requirePrincipal(request);
    if (principal.kind !== "session") throw new AppError("FORBIDDEN");
    return queries.getMe(db, principal.userId);
  });

  // OPCO space: advisers see and act on their own OPCO's accounts only.
  registerRoute(app, c.listOpcoAccounts, ({ query }, { request }) =>
    queries.listAccountSummaries(db, { ...query, opcoId: opcoPerimeter(request) }),
  );
  registerRoute(app, c.getOpcoAccount, ({ params }, { request }) =>
    queries.getAccountCard(db, params.id, opcoPerimeter(request)),
  );
  registerRoute(app, c.certifyAccount, async ({ params }, { request }) => {
    const actor = await actorOfRequest(deps, request);
    await lifecycle.changeAccountStatus(authDeps, params.id, "certify", actor, null);
    return queries.getAccountCard(db, params.id);
  });
  registerRoute(app, c.uncertifyAccount, async ({ params }, { request }) => {
    const actor = await actorOfRequest(deps, request);
    await lifecycle.changeAccountStatus(authDeps, params.id, "uncertify", actor, null);
    return queries.getAccountCard(db, params.id);
  });
  registerRoute(app, c.rejectAccount, async ({ params, body }, { request }) => {
    const actor = await actorOfRequest(deps, request);
    await lifecycle.changeAccountStatus(authDeps, params.id, "reject", actor, body.reason);
    return queries.getAccountCard(db, params.id);
  });
  registerRoute(app, c.notOurOpco, async ({ params, body }, { request }) => {
    await lifecycle.releaseFromOpco(authDeps, params.id, await actorOfRequest(deps, request), body.comment ?? null);
    return { id: params.id, queued: true as const };
  });

  // Administration.
  registerRoute(app, c.listAdminAccounts, ({ query }) =>
    queries.listAccountSummaries(db, {
      ...query,
      opcoId: query.opco === "none" ? null : query.opco,
    }),
  );
  registerRoute(app, c.getAdminAccount, ({ params }) => queries.getAccountCard(db, params.id));
  registerRoute(app, c.assignOpco, async ({ params, body }, { request }) => {
    await lifecycle.assignOpco(authDeps, params.id, body.opcoId, await actorOfRequest(deps, request));
    return queries.getAccountCard(db, params.id);
  });
  for (const [contract, action] of [
    [c.disableAccount, "disable"],
    [c.enableAccount, "enable"],
  ] as const) {
    registerRoute(app, contract, async ({ params, body }, { request }) => {
      const actor = await actorOfRequest(deps, request);
      await lifecycle.changeAccountStatus(authDeps, params.id, action, actor, body.reason);
      return queries.getAccountCard(db, params.id);
    });
  }
}
