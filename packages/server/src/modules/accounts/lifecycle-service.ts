import { type AccountAction, nextAccountStatus } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Mailer } from "../../mail/mailer.js";
import * as members from "./membership-repository.js";
import type { AccountReactions } from "./reactions.js";
import * as repo from "./repository.js";
import { verifyOnConfirmation } from "./verification-service.js";

/** Who did something, as recorded in the audit trail. */
export interface Actor {
  userId: string | null;
  label: string;
  role: "recruiter" | "cfa" | "opco" | "chamber" | "admin" | "system";
  opcoId: string | null;
}

export const systemActor: Actor = { userId: null, label: "Tremplin (automatique)", role: "system", opcoId: null };

export interface LifecycleDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  /** Other modules' reactions to a status change (offers follow their account), from services.ts. */
  reactions: AccountReactions;
}

/**
 * Email confirmed: every pending account of this person becomes active (its offers go live, ADR 009)
 * and is verified at once when the address is a known contact; otherwise its organisation's verified
 * members are asked to accept it (verification-service).
 */
export async function confirmPendingAccounts(
  db: Kysely<Database>,
  deps: {
    config: Pick<Config, "offerTtlDays" | "publicUrl" | "sessionSecret">;
    mailer: Mailer;
    reactions: Pick<AccountReactions, "statusChanged">;
  },
  userId: string,
  now: Date,
): Promise<void> {
  const user = await repo.findUserById(db, userId);
  for (const account of await repo.findPendingAccountsOfUser(db, userId)) {
    await repo.updateAccount(db, account.id, { status: "active", confirmed_at: now }, now);
    await repo.insertEvent(db, {
      accountId: account.id,
      actorUserId: userId,
      actorLabel: "Titulaire du compte (adresse e-mail confirmée)",
      action: "confirm",
      fromStatus: account.status,
      toStatus: "active",
      at: now,
    });
    await deps.reactions.statusChanged(db, { accountId: account.id, from: account.status, to: "active", at: now });
    if (user && account.verified_at === null) await verifyOnConfirmation(db, deps, account, user, now);
  }
}

/** Checks that an OPCO adviser acts on an account of their own OPCO (admins act on any). */
function assertInPerimeter(actor: Actor, account: { opco_id: string | null }): void {
  if (actor.role === "admin") return;
  if (actor.role !== "opco" || !actor.opcoId || account.opco_id !== actor.opcoId) {
    // Same answer as for an account that does not exist: advisers do not learn about other perimeters.
    throw new AppError("ACCOUNT_NOT_FOUND");
  }
}

/**
 * Applies a status change with its audit entry, and emails the recruiter when it concerns them.
 * Returns the account id. Throws ACCOUNT_TRANSITION_INVALID for impossible moves.
 */
export async function changeAccountStatus(
  deps: LifecycleDeps,
  accountId: string,
  action: Exclude<AccountAction, "confirm">,
  actor: Actor,
  reason: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const account = await repo.findAccountForUpdate(trx, accountId);
    if (!account) throw new AppError("ACCOUNT_NOT_FOUND");
    assertInPerimeter(actor, account);
    let to = nextAccountStatus(account.status, action);
    if (!to) {
      throw new AppError("ACCOUNT_TRANSITION_INVALID", {
        message: `Action impossible : le compte est dans l'état « ${account.status} ».`,
        details: { status: account.status, action },
      });
    }
    const user = await repo.findUserById(trx, account.user_id);
    // Re-enabling an account whose email was never confirmed puts it back to confirmation.
    if (action === "enable" && !user?.email_confirmed_at) to = "pending_confirmation";
    await repo.updateAccount(
      trx,
      account.id,
      {
        status: to,
        ...(action === "certify" ? { certified_at: now, rejection_reason: null } : {}),
        ...(action === "uncertify" ? { certified_at: null } : {}),
        ...(action === "reject" ? { rejection_reason: reason } : {}),
        ...(action === "enable" ? { rejection_reason: null } : {}),
      },
      now,
    );
    await repo.insertEvent(trx, {
      accountId: account.id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action,
      fromStatus: account.status,
      toStatus: to,
      reason,
      ...(action === "certify" && account.verified_at === null
        ? { details: { method: actor.role === "admin" ? "admin" : "opco_certification" } }
        : {}),
      at: now,
    });
    // Certifying is the OPCO's (or an admin's) verification of the person's link to the company.
    if (action === "certify") {
      await members.markVerified(trx, account.id, {
        method: actor.role === "admin" ? "admin" : "opco_certification",
        by: actor.label,
        at: now,
      });
    }
    await deps.reactions.statusChanged(trx, { accountId: account.id, from: account.status, to, at: now });
    if (!user) return;
    const opco = account.opco_id ? await repo.findOpco(trx, account.opco_id) : undefined;
    if (action === "certify") {
      await deps.mailer.enqueue(trx, {
        to: user.email,
        template: "accountCertified",
        data: {
          firstName: user.first_name,
          companyName: account.company_name,
          opcoName: opco?.name ?? "Votre OPCO",
          spaceLink: `${deps.config.publicUrl}/espace`,
        },
      });
    } else if (action === "reject" || action === "disable") {
      await deps.mailer.enqueue(trx, {
        to: user.email,
        template: "accountRejected",
        data: {
          firstName: user.first_name,
          companyName: account.company_name,
          byLabel: actor.role === "opco" ? (opco?.name ?? "Votre OPCO") : "L'équipe Tremplin",
          reason: reason ?? "",
          contactLink: `${deps.config.publicUrl}/contact`,
        },
      });
    }
  });
  deps.mailer.kick();
}

/** "Not our OPCO": the account leaves the adviser's perimeter and joins the admin queue. */
export async function releaseFromOpco(
  deps: LifecycleDeps,
  accountId: string,
  actor: Actor,
  comment: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const account = await repo.findAccountForUpdate(trx, accountId);
    if (!account) throw new AppError("ACCOUNT_NOT_FOUND");
    assertInPerimeter(actor, account);
    await repo.updateAccount(trx, account.id, { opco_id: null, opco_source: null }, now);
    await repo.insertEvent(trx, {
      accountId: account.id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "not_our_opco",
      fromStatus: account.status,
      toStatus: account.status,
      reason: comment,
      details: { previousOpcoId: account.opco_id },
      at: now,
    });
  });
}

/** Admin: gives an account its OPCO (from the queue, or to correct one). */
export async function assignOpco(deps: LifecycleDeps, accountId: string, opcoId: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const opco = await repo.findOpco(trx, opcoId);
    if (!opco) throw new AppError("OPCO_UNKNOWN");
    const account = await repo.findAccountForUpdate(trx, accountId);
    if (!account) throw new AppError("ACCOUNT_NOT_FOUND");
    await repo.updateAccount(trx, account.id, { opco_id: opco.id, opco_source: "admin" }, now);
    await repo.insertEvent(trx, {
      accountId: account.id,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "assign_opco",
      fromStatus: account.status,
      toStatus: account.status,
      details: { previousOpcoId: account.opco_id, opcoId: opco.id },
      at: now,
    });
  });
}
