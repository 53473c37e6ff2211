import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { AppError } from "../../lib/app-error.js";
import type { Services } from "../../services.js";
import { actorOf } from "./actor-service.js";
import { decideIntermediaryReport, listIntermediaryReports } from "./intermediary-reports.js";
import { inviteMember, revokeInvitation } from "./invitation-service.js";
import * as memberships from "./membership-service.js";

const c = contracts.memberships;

/** The signed-in person and how the audit trail names them (candidates: 403). */
const whoIs = (deps: AppDeps, request: FastifyRequest) => actorOf(deps.db.db, requireSession(request));

/** Organisations with several members: lists, decisions (members, OPCO, admins), audit (ADR 009). */
export function membershipRoutes(app: FastifyInstance, deps: AppDeps, services: Services): void {
  const db = deps.db.db;
  const lifecycleDeps = services.accounts;

  registerRoute(app, c.listMembers, async ({ params, query }, { request }) => {
    const me = await whoIs(deps, request);
    return memberships.listMembers(db, me.userId as string, params.siret, query.type, deps.clock.now());
  });
  for (const [contract, accept] of [
    [c.acceptMember, true],
    [c.refuseMember, false],
  ] as const) {
    registerRoute(app, contract, async ({ params, query }, { request }) => {
      const me = await whoIs(deps, request);
      await memberships.decideMembershipOf(
        lifecycleDeps,
        { siret: params.siret, type: query.type },
        params.accountId,
        accept,
        { kind: "member", userId: me.userId as string, label: me.label },
      );
      return memberships.listMembers(db, me.userId as string, params.siret, query.type, deps.clock.now());
    });
  }
  registerRoute(app, c.removeMember, async ({ params, query }, { request }) => {
    const me = await whoIs(deps, request);
    await memberships.removeMember(
      lifecycleDeps,
      me.userId as string,
      params.siret,
      query.type,
      params.accountId,
      me.label,
    );
    return memberships.membersAfterRemoval(db, me.userId as string, params.siret, query.type, deps.clock.now());
  });

  registerRoute(app, c.revokeInvitation, async ({ params, query }, { request }) => {
    const me = await whoIs(deps, request);
    const member = { userId: me.userId as string, label: me.label };
    await revokeInvitation(lifecycleDeps, member, params.siret, query.type, params.invitationId);
    return memberships.listMembers(db, member.userId, params.siret, query.type, deps.clock.now());
  });

  registerRoute(app, c.inviteMember, async ({ params, query, body }, { request }) => {
    const me = await whoIs(deps, request);
    return inviteMember(
      lifecycleDeps,
      { userId: me.userId as string, label: me.label },
      params.siret,
      query.type,
      body.email,
    );
  });

  registerRoute(app, c.readMembershipLink, ({ body }) => memberships.readMembershipLink(lifecycleDeps, body.token));
  registerRoute(app, c.decideMembershipLink, ({ body }) =>
    memberships.decideFromLink(lifecycleDeps, body.token, body.decision === "accept"),
  );

  registerRoute(app, c.opcoMembershipQueue, async (_input, { request }) => {
    const me = await whoIs(deps, request);
    if (!me.opcoId) throw new AppError("FORBIDDEN");
    return { items: await memberships.membershipQueue(db, me.opcoId) };
  });
  registerRoute(app, c.adminMembershipQueue, async () => ({ items: await memberships.membershipQueue(db, null) }));
  registerRoute(app, c.staffAcceptMembership, async ({ params }, { request }) => {
    const actor = await whoIs(deps, request);
    await memberships.decideMembership(lifecycleDeps, params.id, true, { kind: "staff", actor });
    return { id: params.id, decided: true as const };
  });
  registerRoute(app, c.staffRefuseMembership, async ({ params, body }, { request }) => {
    const actor = await whoIs(deps, request);
    await memberships.decideMembership(lifecycleDeps, params.id, false, { kind: "staff", actor }, body.reason);
    return { id: params.id, decided: true as const };
  });

  registerRoute(app, c.organisationHistory, ({ params }) => memberships.organisationHistory(db, params.siret));
  registerRoute(app, c.listIntermediaryReports, async ({ query }) => ({
    items: await listIntermediaryReports(db, query.status),
  }));
  registerRoute(app, c.decideIntermediaryReport, async ({ params, body }, { request }) => {
    const actor = await whoIs(deps, request);
    return decideIntermediaryReport(db, params.id, body, actor.label, deps.clock.now());
  });
}
