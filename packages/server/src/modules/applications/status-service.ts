import { type RecruiterStatus, type RefusalReason, refusalReasonLabels } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { ApplicationsDeps } from "./context.js";
import { emailKeys } from "./delivery.js";
import * as repo from "./repository.js";

export interface StatusChange {
  to: RecruiterStatus;
  reason?: RefusalReason | undefined;
  message?: string | undefined;
  via: "link" | "space";
}

/** The email name of each status (the one-click link's "undecided" is the status "seen"). */
const emailDecision = { seen: "undecided", interview: "interview", refused: "refused", hired: "hired" } as const;

/**
 * Writes a recruiter's new status and tells the candidate, in the caller's transaction — the one
 * path for the one-click links and the inbox, so both say the same thing. The caller has checked
 * that the move is allowed (canRecruiterSet). Each status is mailed at most once (dedupe key).
 */
export async function applyRecruiterStatus(
  deps: ApplicationsDeps,
  db: Kysely<Database>,
  row: repo.ApplicationRow,
  change: StatusChange,
  now: Date,
): Promise<void> {
  const { to } = change;
  const decisive = to !== "seen";
  await repo.updateApplication(db, row.id, {
    status: to,
    refusal_reason: to === "refused" ? (change.reason ?? null) : null,
    answer_message: change.message ?? null,
    answered_at: now,
    answered_via: change.via,
    ...(decisive && !row.first_decision_at ? { first_decision_at: now } : {}),
  });
  if (!row.candidate_email) return;
  const decision = emailDecision[to];
  await deps.mailer.enqueue(db, {
    to: row.candidate_email,
    template: "applicationAnswer",
    dedupeKey: emailKeys.answer(row.id, decision),
    data: {
      firstName: row.candidate_first_name ?? "",
      target: { kind: row.target_kind, title: row.offer_title, companyName: row.company_name },
      decision,
      reasonLabel: to === "refused" && change.reason ? refusalReasonLabels[change.reason] : null,
      recruiterMessage: change.message ?? null,
      searchUrl: `${deps.config.publicUrl}/recherche`,
    },
  });
}
