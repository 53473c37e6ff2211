import {
  type AnswerLinkPreview,
  type AnswerResult,
  type ApplicationDecision,
  applicationStatusLabels,
  canRecruiterSet,
  formatFrenchDate,
  type RefusalReason,
  statusOfDecision,
} from "@tremplin/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError } from "../../lib/app-error.js";
import { verifyToken } from "../../lib/signed-token.js";
import type { ApplicationsDeps } from "./context.js";
import { ANSWER_PURPOSE } from "./delivery.js";
import * as repo from "./repository.js";
import { applyRecruiterStatus } from "./status-service.js";

export interface AnswerInput {
  reason?: RefusalReason | undefined;
  message?: string | undefined;
}

const done: Record<ApplicationDecision, string> = {
  interview: "C'est transmis : le candidat sait que vous lui proposez un entretien. Contactez-le pour fixer la date.",
  refused: "C'est transmis : le candidat a reçu votre réponse. Merci de lui avoir répondu.",
  undecided:
    "C'est noté : le candidat sait que sa candidature est en cours d'examen. Vous pourrez répondre plus tard depuis le même e-mail.",
};

function readToken(deps: ApplicationsDeps, token: string): { id: string; decision: ApplicationDecision } {
  const payload = verifyToken<{ a: string; d: ApplicationDecision }>(
    deps.config.sessionSecret,
    ANSWER_PURPOSE,
    token,
    deps.clock.now(),
  );
  if (!payload || !/^[0-9a-f-]{36}$/.test(payload.a)) throw new AppError("APPLICATION_ANSWER_LINK_INVALID");
  return { id: payload.a, decision: payload.d };
}

/** What the answer page shows before the recruiter confirms; changes nothing. */
export async function previewAnswerLink(deps: ApplicationsDeps, token: string): Promise<AnswerLinkPreview> {
  const { id, decision } = readToken(deps, token);
  const row = await repo.findApplication(deps.db, id);
  if (!row || row.anonymised_at) throw new AppError("APPLICATION_ANSWER_LINK_INVALID");
  return {
    applicationId: row.id,
    decision,
    candidate: { firstName: row.candidate_first_name ?? "", lastName: row.candidate_last_name ?? "" },
    target: {
      kind: row.target_kind,
      offerId: row.offer_id,
      siret: row.siret,
      title: row.offer_title,
      companyName: row.company_name,
    },
    status: row.status,
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
    canAnswer: canRecruiterSet(row.status, statusOfDecision(decision)),
  };
}

/** Answers from the one-click link; a second click (or a later link once answered) changes nothing. */
export async function answerByLink(deps: ApplicationsDeps, token: string, input: AnswerInput): Promise<AnswerResult> {
  const { id, decision } = readToken(deps, token);
  return answer(deps, id, decision, input, "link", () => {});
}

/** Answers from the recruiter's space (ownership is checked by `authorise`, inside the transaction). */
export async function answer(
  deps: ApplicationsDeps,
  id: string,
  decision: ApplicationDecision,
  input: AnswerInput,
  via: "link" | "space",
  authorise: (db: Kysely<Database>, row: repo.ApplicationRow) => Promise<void> | void,
): Promise<AnswerResult> {
  if (decision === "refused" && !input.reason) {
    const message = "Choisissez le motif du refus : il aide le candidat.";
    throw new AppError("VALIDATION_ERROR", { message, details: [{ path: "reason", message }] });
  }
  const now = deps.clock.now();
  const to = statusOfDecision(decision);
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findApplicationForUpdate(trx, id);
    if (!row || row.anonymised_at) {
      throw new AppError(via === "link" ? "APPLICATION_ANSWER_LINK_INVALID" : "APPLICATION_NOT_FOUND");
    }
    await authorise(trx, row);
    if (!canRecruiterSet(row.status, to)) {
      if (via === "space" && row.status !== to) throw new AppError("APPLICATION_ALREADY_ANSWERED");
      const when = row.answered_at ? ` le ${formatFrenchDate(new Date(row.answered_at))}` : "";
      const message =
        row.status === "withdrawn"
          ? "Le candidat a retiré cette candidature : rien n'a été envoyé."
          : `Vous aviez déjà répondu à cette candidature${when} (« ${applicationStatusLabels[row.status]} ») : le candidat a reçu cette réponse, rien n'a été renvoyé.`;
      return { applied: false, status: row.status, message };
    }
    await applyRecruiterStatus(deps, trx, row, { to, reason: input.reason, message: input.message, via }, now);
    return { applied: true, status: to, message: done[decision] };
  });
  deps.mailer.kick();
  return { applicationId: id, decision, ...result };
}
