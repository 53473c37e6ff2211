import {
  type AccountType,
  type MemberRole,
  type MembershipLink,
  type MembershipQueueItem,
  memberRoleLabels,
  type OrganisationHistory,
  type OrganisationMembers,
  verificationMethodLabels,
} from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import { verifyToken } from "../../lib/signed-token.js";
import type { Actor, LifecycleDeps } from "./lifecycle-service.js";
import * as members from "./membership-repository.js";
import * as repo from "./repository.js";
import { MEMBERSHIP_LINK_PURPOSE, vouchingMemberLabel } from "./verification-service.js";

type MemberRow = Awaited<ReturnType<typeof members.findAllMembers>>[number];

const actionLabels: Record<string, string> = {
  sign_up: "Inscription",
  confirm: "Adresse e-mail confirmée",
  verify: "Vérifié automatiquement (contact connu ou invité)",
  invite_member: "A invité un ou une collègue",
  revoke_invitation: "A annulé une invitation",
  join_request: "Demande à rejoindre l'établissement",
  accept_member: "Accepté",
  refuse_member: "Refusé",
  remove_member: "Retiré de l'établissement",
  certify: "Certifié",
  reject: "Refusé par l'OPCO ou l'administration",
  disable: "Désactivé",
  enable: "Réactivé",
  not_our_opco: "Renvoyé à l'administration (autre OPCO)",
  assign_opco: "OPCO attribué",
};

/** Roles are derived, never stored: the first verified live member administers (ADR 009). */
function roleOf(row: MemberRow, administratorId: string | undefined): MemberRole {
  if (row.status !== "active" && row.status !== "certified") return "inactive";
  if (row.verified_at === null) return "pending";
  return row.account_id === administratorId ? "administrator" : "member";
}

function presentMembers(rows: MemberRow[]) {
  const administrator = rows
    .filter((r) => r.verified_at !== null && (r.status === "active" || r.status === "certified"))
    .sort((a, b) => new Date(a.verified_at as Date).getTime() - new Date(b.verified_at as Date).getTime())[0];
  return rows
    .filter((r) => r.status !== "pending_confirmation")
    .map((r) => {
      const role = roleOf(r, administrator?.account_id);
      return {
        accountId: r.account_id,
        userId: r.user_id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        status: r.status,
        role,
        roleLabel: memberRoleLabels[role],
        verification:
          r.verified_at && r.verification_method
            ? {
                method: r.verification_method,
                label: verificationMethodLabels[r.verification_method],
                at: new Date(r.verified_at).toISOString(),
              }
            : null,
        since: new Date(r.created_at).toISOString(),
      };
    });
}

/**
 * The list shown after a removal: the organisation's members, or, for a member who has just left
 * (no longer entitled to the list), an empty view marked inactive rather than an error.
 */
export async function membersAfterRemoval(
  db: repo.Db,
  userId: string,
  siret: string,
  type: AccountType,
  now: Date,
): Promise<OrganisationMembers> {
  return listMembers(db, userId, siret, type, now).catch((error) => {
    if (!(error instanceof AppError)) throw error;
    return { siret, type, name: "", myRole: "inactive" as const, members: [], invitations: [] };
  });
}

/**
 * The members of an organisation and the invitations still waiting, for one of its verified
 * members (others: 403 or not found).
 */
export async function listMembers(
  db: repo.Db,
  userId: string,
  siret: string,
  type: AccountType,
  now: Date,
): Promise<OrganisationMembers> {
  const rows = await members.findAllMembers(db, siret, type);
  const mine = rows.find((r) => r.user_id === userId && (r.status === "active" || r.status === "certified"));
  if (!mine) throw new AppError("ACCOUNT_NOT_FOUND");
  if (mine.verified_at === null) throw new AppError("ORGANISATION_NOT_VERIFIED");
  const list = presentMembers(rows);
  const invitations = await members.listPendingInvitations(db, siret, type, now);
  return {
    siret,
    type,
    name: mine.company_name,
    myRole: list.find((m) => m.accountId === mine.account_id)?.role ?? "pending",
    members: list.map(({ userId: _userId, ...m }) => m),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      invitedBy: i.invited_by_label,
      expiresAt: new Date(i.expires_at).toISOString(),
    })),
  };
}

/** Who decides on a membership: a verified member of the organisation, or staff (OPCO adviser, admin). */
export type Decider = { kind: "member"; userId: string; label: string } | { kind: "staff"; actor: Actor };

/**
 * A member's decision on a pending membership of their organisation (SIRET and type, from the
 * address): an account of another organisation is « not found », like one that does not exist.
 */
export async function decideMembershipOf(
  deps: LifecycleDeps,
  organisation: { siret: string; type: "company" | "cfa" },
  accountId: string,
  accept: boolean,
  decider: Decider,
): Promise<void> {
  const target = await repo.findAccount(deps.db, accountId);
  if (!target || target.siret !== organisation.siret || target.type !== organisation.type)
    throw new AppError("MEMBERSHIP_NOT_FOUND");
  await decideMembership(deps, target.id, accept, decider);
}

/**
 * Accepts (verified by a member, or by the OPCO / an admin) or refuses (the account is rejected and
 * its offers hidden) a pending membership. The first decision counts; the applicant is told.
 */
export async function decideMembership(
  deps: LifecycleDeps,
  accountId: string,
  accept: boolean,
  decider: Decider,
  reason: string | null = null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const account = await repo.findAccountForUpdate(trx, accountId);
    if (!account) throw new AppError("MEMBERSHIP_NOT_FOUND");
    let label: string;
    if (decider.kind === "member") {
      const verified = await members.findVerifiedMembers(trx, account.siret, account.type);
      const me = verified.find((m) => m.user_id === decider.userId);
      if (!me) throw new AppError("MEMBERSHIP_NOT_FOUND");
      label = vouchingMemberLabel(decider.label);
    } else {
      const { actor } = decider;
      if (actor.role !== "admin" && (actor.role !== "opco" || account.opco_id !== actor.opcoId))
        throw new AppError("MEMBERSHIP_NOT_FOUND");
      label = actor.label;
    }
    if (account.status !== "active" || account.verified_at !== null) throw new AppError("MEMBERSHIP_ALREADY_DECIDED");
    const user = await repo.findUserById(trx, account.user_id);
    if (accept) {
      const method =
        decider.kind === "member" ? "member" : decider.actor.role === "admin" ? "admin" : "opco_certification";
      await members.markVerified(trx, account.id, { method, by: label, at: now });
    } else {
      await repo.updateAccount(
        trx,
        account.id,
        { status: "rejected", rejection_reason: reason ?? "Refusé par un membre" },
        now,
      );
      await deps.reactions.statusChanged(trx, { accountId: account.id, from: account.status, to: "rejected", at: now });
    }
    await repo.insertEvent(trx, {
      accountId: account.id,
      actorUserId: decider.kind === "member" ? decider.userId : decider.actor.userId,
      actorLabel: label,
      action: accept ? "accept_member" : "refuse_member",
      fromStatus: account.status,
      toStatus: accept ? account.status : "rejected",
      reason,
      ...(accept ? { details: { method: decider.kind === "member" ? "member" : "staff" } } : {}),
      at: now,
    });
    if (user) {
      await deps.mailer.enqueue(trx, {
        to: user.email,
        template: "membershipDecided",
        data: {
          firstName: user.first_name,
          organisationName: account.company_name,
          accepted: accept,
          byLabel: decider.kind === "member" ? decider.label : label,
          spaceLink: `${deps.config.publicUrl}/espace`,
        },
        dedupeKey: `membership-decided:${account.id}`,
      });
    }
  });
  deps.mailer.kick();
}

function linkPayload(deps: LifecycleDeps, token: string) {
  const payload = verifyToken<{ a: string; m: string }>(
    deps.config.sessionSecret,
    MEMBERSHIP_LINK_PURPOSE,
    token,
    deps.clock.now(),
  );
  if (!payload || typeof payload.a !== "string" || typeof payload.m !== "string")
    throw new AppError("MEMBERSHIP_LINK_INVALID");
  return payload;
}

/** What the emailed link is about (the page shows it, then the member clicks: ADR 008). */
export async function readMembershipLink(deps: LifecycleDeps, token: string): Promise<MembershipLink> {
  const { a } = linkPayload(deps, token);
  const account = await repo.findAccount(deps.db, a);
  const user = account ? await repo.findUserById(deps.db, account.user_id) : undefined;
  if (!account || !user) throw new AppError("MEMBERSHIP_LINK_INVALID");
  const state =
    account.verified_at !== null ? "accepted" : account.status === "active" ? "pending" : ("refused" as const);
  return {
    organisationName: account.company_name,
    siret: account.siret,
    applicant: { firstName: user.first_name, lastName: user.last_name, email: user.email },
    state,
    message:
      state === "pending"
        ? `${user.first_name} ${user.last_name} demande à rejoindre ${account.company_name}.`
        : state === "accepted"
          ? `${user.first_name} ${user.last_name} est déjà membre vérifié de ${account.company_name}.`
          : `La demande de ${user.first_name} ${user.last_name} a déjà été refusée ou n'est plus active.`,
  };
}

/** The member's click on the page opened from the email: the token says who decides. */
export async function decideFromLink(deps: LifecycleDeps, token: string, accept: boolean): Promise<MembershipLink> {
  const { a, m } = linkPayload(deps, token);
  const member = await repo.findUserById(deps.db, m);
  if (!member || member.disabled_at) throw new AppError("MEMBERSHIP_LINK_INVALID");
  await decideMembership(deps, a, accept, {
    kind: "member",
    userId: member.id,
    label: `${member.first_name} ${member.last_name}`,
  });
  return readMembershipLink(deps, token);
}

/**
 * An administrator removes a member (the account is disabled; a verified member's offers go to the
 * administrator, a pending one's are hidden). A member may leave by removing themself, unless they
 * are the last verified one.
 */
export async function removeMember(
  deps: LifecycleDeps,
  userId: string,
  siret: string,
  type: AccountType,
  accountId: string,
  userLabel: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const list = presentMembers(await members.findAllMembers(trx, siret, type));
    const me = list.find((m) => m.userId === userId && m.role !== "inactive");
    const target = list.find((m) => m.accountId === accountId);
    if (!me || !target) throw new AppError("MEMBERSHIP_NOT_FOUND");
    if (me.role === "pending") throw new AppError("ORGANISATION_NOT_VERIFIED");
    const self = target.accountId === me.accountId;
    if (!self && me.role !== "administrator") throw new AppError("FORBIDDEN");
    if (target.role === "inactive") throw new AppError("MEMBERSHIP_ALREADY_DECIDED");
    const verifiedLeft = list.filter(
      (m) => (m.role === "administrator" || m.role === "member") && m.accountId !== target.accountId,
    );
    if (target.role === "administrator" && verifiedLeft.length === 0)
      throw new AppError("MEMBERSHIP_LAST_ADMINISTRATOR");
    await repo.updateAccount(trx, target.accountId, { status: "disabled" }, now);
    await repo.insertEvent(trx, {
      accountId: target.accountId,
      actorUserId: userId,
      actorLabel: `${userLabel} (${me.role === "administrator" ? "administrateur" : "membre"})`,
      action: "remove_member",
      fromStatus: target.status,
      toStatus: "disabled",
      at: now,
    });
    // A verified member's offers stay with the establishment: they go to whoever removed them, or,
    // when they leave, to the earliest verified colleague (the administrator from now on).
    const heir = self ? verifiedLeft.sort(byVerificationDate)[0] : me;
    const successor = target.verification && heir ? { accountId: heir.accountId, userId: heir.userId } : undefined;
    await deps.reactions.statusChanged(trx, {
      accountId: target.accountId,
      from: target.status,
      to: "disabled",
      at: now,
      successor,
    });
  });
}

const byVerificationDate = (a: { verification: { at: string } | null }, b: { verification: { at: string } | null }) =>
  (a.verification?.at ?? "").localeCompare(b.verification?.at ?? "");

/** The queue of memberships waiting for a decision, for an OPCO's perimeter (or all, for admins). */
export async function membershipQueue(db: repo.Db, opcoId: string | null): Promise<MembershipQueueItem[]> {
  const rows = await members.findPendingMemberships(db, opcoId);
  return rows.map((r) => ({
    accountId: r.id,
    type: r.type,
    siret: r.siret,
    organisationName: r.company_name,
    applicant: { firstName: r.first_name, lastName: r.last_name, email: r.email },
    opco: r.opco_id && r.opco_name ? { id: r.opco_id, name: r.opco_name } : null,
    kind: Number(r.verified_members) > 0 ? "join" : "claim",
    verifiedMembers: Number(r.verified_members),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Admins: who claimed, who verified, how and when, for every account of a SIRET. */
export async function organisationHistory(db: repo.Db, siret: string): Promise<OrganisationHistory> {
  const [company, cfa, events] = await Promise.all([
    members.findAllMembers(db, siret, "company"),
    members.findAllMembers(db, siret, "cfa"),
    members.listOrganisationEvents(db, siret),
  ]);
  const list = [
    ...presentMembers(company).map(({ userId: _u, ...m }) => ({ ...m, type: "company" as const })),
    ...presentMembers(cfa).map(({ userId: _u, ...m }) => ({ ...m, type: "cfa" as const })),
  ];
  return {
    siret,
    name: events[0]?.company_name ?? company[0]?.company_name ?? cfa[0]?.company_name ?? null,
    members: list,
    events: events.map((e) => {
      const details = (typeof e.details === "string" ? JSON.parse(e.details) : e.details) as {
        method?: string;
      } | null;
      return {
        at: new Date(e.created_at).toISOString(),
        actor: e.actor_label,
        action: e.action,
        actionLabel: actionLabels[e.action] ?? e.action,
        member: { accountId: e.account_id, name: `${e.first_name} ${e.last_name}`, email: e.email },
        method: details?.method ?? null,
        reason: e.reason,
      };
    }),
  };
}
