import type { AccountType } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { LifecycleDeps } from "./lifecycle-service.js";
import * as members from "./membership-repository.js";
import { decideMembership } from "./membership-service.js";
import * as repo from "./repository.js";
import { requireVerifiedMembership } from "./verification-service.js";

/** An invitation waits a month, like a request to join (a colleague may be on holiday). */
export const INVITATION_DAYS = 30;
/** Invitations send emails to any address: a verified member sends at most this many a day. */
export const INVITATIONS_PER_DAY = 20;

/** Someone who is not a member of this organisation learns nothing of it. */
const notMine = () => new AppError("ACCOUNT_NOT_FOUND");

const parisDate = (at: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" }).format(at);

/**
 * A verified member vouches for a colleague's address (ADR 009). If that address already asked to
 * join, the invitation is an acceptance; otherwise the colleague is emailed a sign-up link and is
 * verified at once when they confirm their email on this SIRET (verification-service).
 */
export async function inviteMember(
  deps: LifecycleDeps,
  inviter: { userId: string; label: string },
  siret: string,
  type: AccountType,
  email: string,
): Promise<{ outcome: "invited" | "accepted"; email: string; expiresAt: string | null }> {
  const now = deps.clock.now();
  const me = await requireVerifiedMembership(deps.db, inviter.userId, siret, type, notMine);
  const everyone = await members.findAllMembers(deps.db, siret, type);
  const verified = await members.findVerifiedMembers(deps.db, siret, type);
  if (verified.some((m) => m.email === email)) throw new AppError("MEMBERSHIP_ALREADY_MEMBER");

  const waiting = everyone.find((r) => r.email === email && r.status === "active" && r.verified_at === null);
  if (waiting) {
    await decideMembership(deps, waiting.account_id, true, {
      kind: "member",
      userId: inviter.userId,
      label: inviter.label,
    });
    return { outcome: "accepted", email, expiresAt: null };
  }

  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await deps.db.transaction().execute(async (trx) => {
    const sentToday = await members.countInvitationsSince(trx, me.id, new Date(now.getTime() - 86_400_000));
    if (sentToday >= INVITATIONS_PER_DAY) {
      throw new AppError("RATE_LIMITED", {
        message: `Vous avez envoyé ${INVITATIONS_PER_DAY} invitations en 24 heures : réessayez demain.`,
      });
    }
    await members.upsertInvitation(trx, {
      siret,
      type,
      email,
      invitedByAccountId: me.id,
      invitedByLabel: inviter.label,
      at: now,
      expiresAt,
    });
    await repo.insertEvent(trx, {
      accountId: me.id,
      actorUserId: inviter.userId,
      actorLabel: inviter.label,
      action: "invite_member",
      fromStatus: null,
      toStatus: null,
      details: { email },
      at: now,
    });
    const query = new URLSearchParams({ siret, ...(type === "cfa" ? { type } : {}) });
    await deps.mailer.enqueue(trx, {
      to: email,
      template: "membershipInvitation",
      data: {
        inviterName: inviter.label,
        organisationName: me.company_name,
        siret,
        signUpLink: `${deps.config.publicUrl}/inscription?${query}`,
        expiresOn: parisDate(expiresAt),
      },
    });
  });
  return { outcome: "invited", email, expiresAt: expiresAt.toISOString() };
}

/**
 * A verified member withdraws an invitation still waiting (sent to the wrong address, a colleague
 * who left): from now on that address confirming on this SIRET is a pending request like any other.
 * Recorded in the organisation's audit trail.
 */
export async function revokeInvitation(
  deps: LifecycleDeps,
  member: { userId: string; label: string },
  siret: string,
  type: AccountType,
  invitationId: string,
): Promise<void> {
  const now = deps.clock.now();
  const me = await requireVerifiedMembership(deps.db, member.userId, siret, type, notMine);
  await deps.db.transaction().execute(async (trx) => {
    const email = await members.revokeInvitation(trx, invitationId, siret, type, now);
    if (email === null) throw new AppError("MEMBERSHIP_INVITATION_NOT_FOUND");
    await repo.insertEvent(trx, {
      accountId: me.id,
      actorUserId: member.userId,
      actorLabel: member.label,
      action: "revoke_invitation",
      fromStatus: null,
      toStatus: null,
      details: { email },
      at: now,
    });
  });
}
