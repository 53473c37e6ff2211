import { isSafeRedirectPath, type Role } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import type { Principal } from "../../lib/principal.js";
import { confirmPendingAccounts, type LifecycleDeps } from "./lifecycle-service.js";
import * as repo from "./repository.js";
import * as sessions from "./session-repository.js";
import { hashToken, newToken } from "./tokens.js";

export const MAGIC_LINK_MINUTES = 15;
export const MAGIC_LINKS_PER_EMAIL_PER_15_MIN = 3;
export const SESSION_DAYS = 30;
/** last_seen_at is refreshed at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** The accounts module's deps (sign-in, sessions, sign-up, lifecycle): LifecycleDeps, built by services.ts. */
export type AuthDeps = LifecycleDeps;

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  return {
    recruiter: "/espace",
    cfa: "/espace",
    opco: "/opco",
    chamber: "/espace",
    admin: "/admin",
    candidate: "/mes-candidatures",
  }[role];
}

/**
 * Creates a single-use sign-in link (hashed in the database) and queues the email that carries it.
 * Call inside the transaction that creates what the link is for.
 */
export async function issueMagicLink(
  deps: AuthDeps,
  db: Kysely<Database>,
  user: { id: string; email: string; first_name: string },
  purpose: "sign_in" | "confirm_email",
  email:
    | { template: "signInLink" }
    | { template: "accountConfirmation"; companyName: string; siret: string; accountType: "company" | "cfa" },
  redirectTo: string | null = null,
): Promise<void> {
  const token = newToken();
  const now = deps.clock.now();
  await sessions.insertMagicLink(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    redirectTo,
    now,
    expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000),
  });
  // The link opens a page that signs in with a POST: mail scanners that prefetch GET links cannot burn it.
  const link = `${deps.config.publicUrl}/connexion/lien?jeton=${encodeURIComponent(token)}`;
  if (email.template === "signInLink") {
    await deps.mailer.enqueue(db, {
      to: user.email,
      template: "signInLink",
      data: { firstName: user.first_name, link, expiresInMinutes: MAGIC_LINK_MINUTES },
    });
  } else {
    await deps.mailer.enqueue(db, {
      to: user.email,
      template: "accountConfirmation",
      data: {
        firstName: user.first_name,
        companyName: email.companyName,
        siret: email.siret,
        accountType: email.accountType,
        link,
        expiresInMinutes: MAGIC_LINK_MINUTES,
      },
    });
  }
}

/**
 * Sends a sign-in link when the email belongs to an enabled user, silently does nothing otherwise
 * (the caller answers 204 either way: no account enumeration). At most 3 links per 15 minutes.
 */
export async function requestMagicLink(deps: AuthDeps, email: string, redirectTo: string | undefined): Promise<void> {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user || user.disabled_at) return;
  const since = new Date(deps.clock.now().getTime() - 15 * 60_000);
  if ((await sessions.countRecentMagicLinks(deps.db, user.id, since)) >= MAGIC_LINKS_PER_EMAIL_PER_15_MIN) return;
  await deps.db.transaction().execute(async (trx) => {
    const safe = redirectTo !== undefined && isSafeRedirectPath(redirectTo) ? redirectTo : null;
    await issueMagicLink(deps, trx, user, "sign_in", { template: "signInLink" }, safe);
  });
  deps.mailer.kick();
}

/**
 * Uses a link (once): confirms the email and pending accounts of its owner, opens a session.
 * Returns the session token (for the cookie) and where to go.
 */
export async function verifyMagicLink(
  deps: AuthDeps,
  token: string,
  client: { userAgent: string | null; ip: string | null },
): Promise<{ sessionToken: string; redirectTo: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const link = await sessions.consumeMagicLink(trx, hashToken(token), now);
    if (!link) throw new AppError("MAGIC_LINK_INVALID");
    const user = await repo.findUserById(trx, link.user_id);
    if (!user || user.disabled_at) throw new AppError("MAGIC_LINK_INVALID");
    // Following a link sent to the address proves the address.
    await repo.markEmailConfirmed(trx, user.id, now);
    await confirmPendingAccounts(trx, deps, user.id, now);
    const sessionToken = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await sessions.insertSession(trx, {
      tokenHash: hashToken(sessionToken),
      userId: user.id,
      now,
      expiresAt,
      ...client,
    });
    // Checked again on the way out: a path stored before the rule was tightened is not followed.
    const stored = link.redirect_to;
    return { sessionToken, expiresAt, redirectTo: stored && isSafeRedirectPath(stored) ? stored : homeOf(user.role) };
  });
  return result;
}

/** The principal behind a session token, or null (unknown, expired, revoked, or user disabled). */
export async function resolveSession(deps: AuthDeps, token: string): Promise<Principal | null> {
  const now = deps.clock.now();
  const session = await sessions.findLiveSession(deps.db, hashToken(token), now);
  if (!session || session.disabled_at) return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await sessions.touchSession(deps.db, session.id, now);
  }
  return {
    kind: "session",
    sessionId: session.id,
    userId: session.user_id,
    role: session.role,
    opcoId: session.opco_id,
  };
}

export async function logout(deps: AuthDeps, token: string | undefined): Promise<void> {
  if (token) await sessions.revokeSession(deps.db, hashToken(token), deps.clock.now());
}
