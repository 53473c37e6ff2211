import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { confirmPendingAccounts, type LifecycleDeps } from "./lifecycle-service.js";
import * as repo from "./repository.js";

// People and OPCOs as other modules need them: they call these rather than the accounts tables.

/**
 * A company contact followed a link emailed to their address (an offer posted on their behalf): the
 * address is proven, so they get a recruiter account on the company's SIRET, confirmed at once (and
 * verified when the address is a known contact, like any confirmation). Runs in the caller's transaction.
 */
export async function claimCompanyContact(
  trx: Kysely<Database>,
  deps: Pick<LifecycleDeps, "config" | "mailer" | "reactions">,
  contact: { email: string; firstName: string; lastName: string; phone: string | null },
  company: { siret: string; name: string },
  now: Date,
): Promise<{ userId: string; email: string; accountId: string }> {
  let user = await repo.findUserByEmail(trx, contact.email);
  if (user && user.role !== "recruiter") throw new AppError("EMAIL_ROLE_CONFLICT");
  user ??= await repo.insertUser(trx, {
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    phone: contact.phone,
    role: "recruiter",
    opcoId: null,
  });
  let account = await repo.findAccountOfUser(trx, user.id, company.siret);
  account ??= await repo.insertAccount(trx, {
    user_id: user.id,
    type: "company",
    siret: company.siret,
    company_name: company.name,
    status: "pending_confirmation",
    opco_id: null,
    opco_source: null,
  });
  await repo.markEmailConfirmed(trx, user.id, now);
  await confirmPendingAccounts(trx, deps, user.id, now);
  return { userId: user.id, email: user.email, accountId: account.id };
}

/** A person's name and address, for modules that address them (never sent to a browser as such). */
export async function findPerson(db: Kysely<Database>, userId: string) {
  return repo.findUserById(db, userId);
}

/** An OPCO's display name, or undefined. */
export async function findOpcoName(db: Kysely<Database>, opcoId: string): Promise<string | undefined> {
  return (await repo.findOpco(db, opcoId))?.name;
}
