import { type AccountType, emailDomain, isPublicMailboxDomain, type VerificationMethod } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { AccountsTable } from "../../db/tables/accounts.js";
import { AppError } from "../../lib/app-error.js";
import { signToken } from "../../lib/signed-token.js";
import type { Mailer } from "../../mail/mailer.js";
import * as members from "./membership-repository.js";
import * as repo from "./repository.js";

type Db = Kysely<Database>;
type Account = Pick<AccountsTable, "siret" | "type" | "company_name"> & { id: string };

export const MEMBERSHIP_LINK_PURPOSE = "membership-decision";
/** A colleague may be on holiday: the request waits for a month, and the space keeps it after. */
export const MEMBERSHIP_LINK_DAYS = 30;

/**
 * How an address is already known for an organisation, or null. Order: the most specific first
 * (an address listed by an OPCO or the catalogue beats a domain match). A public mailbox domain
 * (gmail.com, orange.fr…) never verifies anyone by its domain.
 */
export async function knownContactMethod(db: Db, account: Account, email: string): Promise<VerificationMethod | null> {
  const address = email.toLowerCase();
  if (await members.isOpcoContact(db, account.siret, address)) return "opco_contact";
  if (account.type === "cfa" && (await members.isCatalogueContact(db, account.siret, address)))
    return "catalogue_contact";
  if (account.type === "company" && (await members.algoCompanyContact(db, account.siret)) === address)
    return "algo_contact";
  const domain = emailDomain(address);
  if (domain && !isPublicMailboxDomain(domain)) {
    if (await members.isDomainVerifiedForSiren(db, account.siret.slice(0, 9), domain)) return "verified_domain";
  }
  return null;
}

/**
 * Right after an email is confirmed: an invited or known contact is verified at once; otherwise, when the
 * organisation already has verified members, they are asked to accept or refuse (one-click links);
 * otherwise the account waits for its OPCO or an admin (the existing certification queue).
 */
export async function verifyOnConfirmation(
  db: Db,
  deps: { config: Pick<Config, "publicUrl" | "sessionSecret">; mailer: Mailer },
  account: Account,
  user: { id: string; email: string; first_name: string; last_name: string },
  now: Date,
): Promise<void> {
  // A verified colleague vouched for this address on this SIRET: verified by the invitation.
  const invitation = await members.findValidInvitation(db, account.siret, account.type, user.email.toLowerCase(), now);
  if (invitation) {
    const inviter = vouchingMemberLabel(invitation.invited_by_label);
    await members.markVerified(db, account.id, { method: "invitation", by: inviter, at: now });
    await members.markInvitationUsed(db, invitation.id, now);
    await repo.insertEvent(db, {
      accountId: account.id,
      actorUserId: invitation.invited_by_user_id,
      actorLabel: inviter,
      action: "verify",
      fromStatus: "active",
      toStatus: "active",
      details: { method: "invitation" },
      at: now,
    });
    return;
  }
  const method = await knownContactMethod(db, account, user.email);
  if (method) {
    await members.markVerified(db, account.id, { method, by: "Tremplin (contact connu)", at: now });
    await repo.insertEvent(db, {
      accountId: account.id,
      actorUserId: null,
      actorLabel: "Tremplin (automatique)",
      action: "verify",
      fromStatus: "active",
      toStatus: "active",
      details: { method },
      at: now,
    });
    return;
  }
  const verified = (await members.findVerifiedMembers(db, account.siret, account.type)).filter(
    (m) => m.user_id !== user.id,
  );
  // Nobody verified yet: the account simply waits in its OPCO's (or the admin's) queue.
  if (verified.length === 0) return;
  await repo.insertEvent(db, {
    accountId: account.id,
    actorUserId: user.id,
    actorLabel: `${user.first_name} ${user.last_name}`,
    action: "join_request",
    fromStatus: "active",
    toStatus: "active",
    details: { verifiedMembers: verified.length },
    at: now,
  });
  for (const member of verified) {
    const link = (decision: "accepter" | "refuser") =>
      `${deps.config.publicUrl}/espace/membres/demande?jeton=${encodeURIComponent(
        signToken(
          deps.config.sessionSecret,
          MEMBERSHIP_LINK_PURPOSE,
          { a: account.id, m: member.user_id },
          new Date(now.getTime() + MEMBERSHIP_LINK_DAYS * 86_400_000),
        ),
      )}&decision=${decision}`;
    await deps.mailer.enqueue(db, {
      to: member.email,
      template: "membershipRequest",
      data: {
        firstName: member.first_name,
        organisationName: account.company_name,
        siret: account.siret,
        applicant: { firstName: user.first_name, lastName: user.last_name, email: user.email },
        acceptLink: link("accepter"),
        refuseLink: link("refuser"),
      },
      dedupeKey: `membership-request:${account.id}:${member.user_id}`,
    });
  }
}

// ---- Rights: what other modules ask before letting a person act for an organisation. ----

/** Verified members of an organisation, the administrator (first verified) first. */
export function verifiedMembers(db: Db, siret: string, type: AccountType) {
  return members.findVerifiedMembers(db, siret, type);
}

/** The organisations of a type the person is a verified member of. */
export async function verifiedOrganisationsOf(db: Db, userId: string, type: AccountType) {
  return (await members.findLiveAccountsOfUser(db, userId, type)).filter((a) => a.verified_at !== null);
}

/**
 * The organisations of a type the person may act for. None verified while they have some → 403
 * ORGANISATION_NOT_VERIFIED (the message says how to get verified); none at all → [].
 */
export async function requireVerifiedOrganisations(db: Db, userId: string, type: AccountType) {
  const live = await members.findLiveAccountsOfUser(db, userId, type);
  const verified = live.filter((a) => a.verified_at !== null);
  if (live.length > 0 && verified.length === 0) throw new AppError("ORGANISATION_NOT_VERIFIED");
  return verified;
}

/** How the audit trail and « vérifié par » name a colleague who vouched for someone. */
export const vouchingMemberLabel = (name: string) => `${name} (membre vérifié)`;

/**
 * The person's verified account for this SIRET. An unverified one → 403 ORGANISATION_NOT_VERIFIED;
 * no account at all → `notMine` (the caller's "not found" code: whose SIRET it is stays private).
 */
export async function requireVerifiedMembership(
  db: Db,
  userId: string,
  siret: string,
  type: AccountType,
  notMine: () => AppError,
) {
  const account = (await members.findLiveAccountsOfUser(db, userId, type)).find((a) => a.siret === siret);
  if (!account) throw notMine();
  if (account.verified_at === null) throw new AppError("ORGANISATION_NOT_VERIFIED");
  return account;
}

/**
 * The addresses a company's removal from the algorithm's list may be confirmed from without review:
 * its verified members, the contact kept by the algorithm's back office and its OPCO's contacts.
 */
export async function trustedCompanyEmails(db: Db, siret: string): Promise<string[]> {
  const [verified, algo, opco] = await Promise.all([
    members.findVerifiedMembers(db, siret, "company"),
    members.algoCompanyContact(db, siret),
    members.opcoContactEmails(db, siret),
  ]);
  return [...verified.map((m) => m.email.toLowerCase()), ...(algo ? [algo] : []), ...opco];
}

/**
 * Who receives a spontaneous application for a company: its administrator (first verified member),
 * else the contact the algorithm's back office keeps for it, else nobody (the candidate is told).
 * Never an unverified account: anyone can sign up on any SIRET.
 */
export async function companyRecipient(
  db: Db,
  siret: string,
): Promise<{
  email: string;
  userId: string | null;
  source: "company_account" | "exposed_company";
  companyName: string | null;
} | null> {
  const [administrator] = await members.findVerifiedMembers(db, siret, "company");
  if (administrator) {
    const { email, user_id: userId, company_name: companyName } = administrator;
    return { email, userId, source: "company_account", companyName };
  }
  const contact = await members.algoCompanyContact(db, siret);
  return contact ? { email: contact, userId: null, source: "exposed_company", companyName: null } : null;
}
