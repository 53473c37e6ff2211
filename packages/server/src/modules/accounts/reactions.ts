import type { AccountStatus } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";

/**
 * What other modules do when something happens to an account. Accounts know nothing of them: the
 * composition root (services.ts) hands accounts this object, built from the other modules' services.
 * Both run inside the accounts' transaction, so the reaction commits with the change or not at all.
 */
export interface AccountReactions {
  /**
   * An account entered or left a state (confirmed, certified, rejected, disabled…): offers follow it
   * (published, hidden, or handed to the successor).
   */
  statusChanged(db: Kysely<Database>, change: AccountStatusChange): Promise<void>;
  /** A candidate erased their data: their applications are anonymised and their alerts deleted. */
  candidateErased(db: Kysely<Database>, candidate: { userId: string; email: string }): Promise<void>;
}

export interface AccountStatusChange {
  accountId: string;
  from: AccountStatus;
  to: AccountStatus;
  at: Date;
  /** A verified member removed or leaving: the colleague who takes over what the account held. */
  successor?: { accountId: string; userId: string } | undefined;
}
