import { applicationStatusLabels, canWithdraw, refusalReasonLabels, type SentApplication } from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { findPerson } from "../accounts/people-service.js";
import type { ApplicationsDeps } from "./context.js";
import { emailKeys } from "./delivery.js";
import * as lifecycle from "./lifecycle-repository.js";
import * as repo from "./repository.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** What a candidate sees of an application: the recruiter's status and answer, never their note or address. */
export function presentSent(row: lifecycle.SentRow, now: Date): SentApplication {
  const answered = row.status === "interview" || row.status === "refused" || row.status === "hired";
  const offerOpen =
    row.offer_status === "active" && (row.offer_expires_at === null || new Date(row.offer_expires_at) > now);
  return {
    id: row.id,
    target: {
      kind: row.target_kind,
      offerId: row.offer_id,
      siret: row.siret,
      title: row.offer_title,
      companyName: row.company_name,
      offerOpen,
    },
    createdAt: new Date(row.created_at).toISOString(),
    status: row.status,
    statusLabel: applicationStatusLabels[row.status],
    statusChangedAt: iso(row.answered_at),
    answer:
      answered || row.status === "seen"
        ? {
            reason: row.status === "refused" && row.refusal_reason ? refusalReasonLabels[row.refusal_reason] : null,
            message: row.answer_message,
          }
        : null,
    cvFileName: row.cv_file_name,
    canWithdraw: canWithdraw(row.status),
    contractSignedAt: iso(row.contract_signed_at),
  };
}

/** The signed-in candidate's address: their applications are those sent with it. */
async function emailOf(db: Kysely<Database>, userId: string): Promise<string> {
  const user = await findPerson(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user.email;
}

export async function listSent(deps: ApplicationsDeps, userId: string) {
  const email = await emailOf(deps.db, userId);
  const now = deps.clock.now();
  return { items: (await lifecycle.listSent(deps.db, email)).map((r) => presentSent(r, now)) };
}

async function sentOrNotFound(deps: ApplicationsDeps, email: string, id: string) {
  const row = await lifecycle.findSent(deps.db, email, id);
  if (!row) throw new AppError("APPLICATION_NOT_FOUND");
  return presentSent(row, deps.clock.now());
}

/**
 * Withdraws an application not yet finally answered; the recruiter is told once. Another person's
 * application is « not found », whatever its id.
 */
export async function withdraw(deps: ApplicationsDeps, userId: string, id: string): Promise<SentApplication> {
  const email = await emailOf(deps.db, userId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lifecycle.findSentForUpdate(trx, email, id);
    if (!row) throw new AppError("APPLICATION_NOT_FOUND");
    if (!canWithdraw(row.status)) throw new AppError("APPLICATION_WITHDRAW_INVALID");
    await repo.updateApplication(trx, id, { status: "withdrawn", withdrawn_at: now });
    if (row.recipient_email) {
      await deps.mailer.enqueue(trx, {
        to: row.recipient_email,
        template: "applicationWithdrawnToRecruiter",
        dedupeKey: emailKeys.withdrawn(id),
        data: {
          candidateName: `${row.candidate_first_name ?? ""} ${row.candidate_last_name ?? ""}`.trim(),
          target: { kind: row.target_kind, title: row.offer_title, companyName: row.company_name },
          createdAt: new Date(row.created_at).toISOString(),
        },
      });
    }
  });
  deps.mailer.kick();
  return sentOrNotFound(deps, email, id);
}

/** « J'ai signé un contrat »: recorded once (the first date stays), counted as a hire declared. */
export async function declareContractSigned(
  deps: ApplicationsDeps,
  userId: string,
  id: string,
): Promise<SentApplication> {
  const email = await emailOf(deps.db, userId);
  await deps.db.transaction().execute(async (trx) => {
    const row = await lifecycle.findSentForUpdate(trx, email, id);
    if (!row) throw new AppError("APPLICATION_NOT_FOUND");
    if (row.status === "refused" || row.status === "withdrawn") throw new AppError("APPLICATION_WITHDRAW_INVALID");
    if (!row.contract_signed_at) await repo.updateApplication(trx, id, { contract_signed_at: deps.clock.now() });
  });
  return sentOrNotFound(deps, email, id);
}

/**
 * The applications part of erasing a candidate (accounts' candidateErased reaction, services.ts):
 * their applications are anonymised at once (what remains feeds statistics), the CVs deleted, and
 * the emails that quote them deleted from the outbox. Runs in the erasing transaction.
 */
export async function eraseApplicationsOf(
  deps: Pick<ApplicationsDeps, "clock">,
  db: Kysely<Database>,
  candidate: { email: string },
): Promise<void> {
  const ids = await lifecycle.applicationIdsOf(db, candidate.email);
  await lifecycle.deleteCvs(db, ids);
  await repo.deleteEmailsByKeys(db, ids.flatMap(emailKeys.all));
  await lifecycle.anonymiseIds(db, ids, deps.clock.now());
}
