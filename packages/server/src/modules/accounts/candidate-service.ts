import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import * as repo from "./candidate-repository.js";
import type { AccountReactions } from "./reactions.js";
import { findUserById } from "./repository.js";

/**
 * Candidates (ADR 011): anyone who applied or created an alert is a person who can sign in with
 * the magic link — no password, no organisation. Their user is created when they act, so that
 * signing in is the same code as for recruiters and never reveals whether an address is known.
 */

export interface CandidateNames {
  firstName: string;
  lastName: string;
  phone?: string | null;
}

/**
 * The person behind an address, created as a candidate when nobody has it yet. An address that
 * already belongs to a recruiter (or anyone else) keeps its role. Call inside the transaction that
 * records what the person did (an application, an alert).
 */
export async function ensureCandidate(
  db: Kysely<Database>,
  email: string,
  names: CandidateNames = { firstName: "", lastName: "" },
): Promise<{ userId: string; isCandidate: boolean }> {
  const address = email.trim().toLowerCase();
  const user = await repo.insertCandidateIfAbsent(db, {
    email: address,
    firstName: names.firstName,
    lastName: names.lastName,
    phone: names.phone ?? null,
  });
  if (user.role === "candidate" && user.first_name === "" && names.firstName !== "") {
    await repo.fillCandidateNames(db, user.id, names.firstName, names.lastName);
  }
  return { userId: user.id, isCandidate: user.role === "candidate" };
}

/**
 * Deletes a candidate: the other modules erase what they hold (reactions.candidateErased), then the
 * user, their sessions and links go, in one transaction (all or nothing). Returns the address that was erased.
 */
export async function eraseCandidate(
  deps: { db: Kysely<Database>; reactions: Pick<AccountReactions, "candidateErased"> },
  userId: string,
): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (user?.role !== "candidate") throw new AppError("FORBIDDEN");
    await deps.reactions.candidateErased(trx, { userId, email: user.email });
    await repo.deleteCandidateUser(trx, userId);
    return user.email;
  });
}
