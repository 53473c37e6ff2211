import {
  type AnswerLinkPreview,
  type ApplicationDecision,
  answerFromSpaceSchema,
  displayName,
  type RefusalReason,
  withPreposition,
} from "@tremplin/core";
import { type FieldErrors, validateWith } from "../../components/forms/field-errors.js";

/** The page's title for the answer a link gives (the email's three links: entretien, refus, pas encore). */
export const decisionTitles: Record<ApplicationDecision, string> = {
  interview: "Proposer un entretien",
  refused: "Refuser la candidature",
  undecided: "Répondre plus tard",
};

export const decisionButtons: Record<ApplicationDecision, string> = {
  interview: "Confirmer : je propose un entretien",
  refused: "Envoyer ma réponse",
  undecided: "Prévenir le candidat que j'examine sa candidature",
};

export const decisionLeads: Record<ApplicationDecision, string> = {
  interview:
    "Le candidat sera prévenu par e-mail que vous lui proposez un entretien. Vous le contacterez ensuite pour fixer la date.",
  refused:
    "Le candidat recevra votre réponse par e-mail, avec le motif choisi : il l'aide pour ses prochaines candidatures.",
  undecided:
    "Le candidat saura que sa candidature est en cours d'examen. Vous pourrez répondre plus tard depuis le même e-mail.",
};

/** « Candidature de Camille Martin pour « Commis de cuisine » », or spontaneous to a company. */
export function applicationSummary(preview: AnswerLinkPreview): string {
  const name = `${preview.candidate.firstName} ${preview.candidate.lastName}`.trim();
  return preview.target.kind === "offer" && preview.target.title
    ? `Candidature ${withPreposition("de", name)} pour « ${preview.target.title} » (${displayName(preview.target.companyName)})`
    : `Candidature spontanée ${withPreposition("de", name)} ${withPreposition("à", displayName(preview.target.companyName))}`;
}

export interface AnswerDraft {
  reason: RefusalReason | "";
  message: string;
}

/** Checks an answer with core's rule (a refusal needs its reason); gives the body of answer-link. */
export function checkAnswer(
  decision: ApplicationDecision,
  draft: AnswerDraft,
): { ok: true; data: { reason?: RefusalReason; message?: string } } | { ok: false; errors: FieldErrors } {
  const result = validateWith(answerFromSpaceSchema, {
    decision,
    reason: decision === "refused" && draft.reason ? draft.reason : undefined,
    message: draft.message,
  });
  if (!result.ok) return result;
  const { reason, message } = result.data;
  return { ok: true, data: { ...(reason ? { reason } : {}), ...(message ? { message } : {}) } };
}
