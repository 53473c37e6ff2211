import type { ApplicationDecision, ApplicationStatus, RecruiterApplication, RefusalReason } from "@tremplin/core";
import { answerFromSpaceSchema } from "@tremplin/core";

/** The first answer (interview, refusal, « pas encore ») is given while the application is new or being examined. */
export function canAnswer(status: ApplicationStatus): boolean {
  return status === "new" || status === "seen";
}

/** The answers offered in the space, worded for the recruiter. */
export const decisionLabels: Record<ApplicationDecision, string> = {
  interview: "Proposer un entretien",
  refused: "Refuser la candidature",
  undecided: "Pas encore décidé",
};

export const decisionHints: Record<ApplicationDecision, string> = {
  interview: "Le candidat reçoit votre réponse et votre message ; il attend votre appel ou votre e-mail.",
  refused: "Le candidat reçoit le motif choisi et votre message. Cette réponse est définitive.",
  undecided: "Le candidat sait que sa candidature est à l'étude. Vous pourrez répondre plus tard.",
};

/** « 120 Ko », « 1,4 Mo »: file sizes as French readers write them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
}

/** « 3 candidatures dont 1 nouvelle » for the page's lead. */
export function countsSummary(counts: { total: number; new: number }): string {
  if (counts.total === 0) return "Aucune candidature reçue pour le moment.";
  const total = counts.total === 1 ? "1 candidature" : `${counts.total} candidatures`;
  if (counts.new === 0) return total;
  return `${total} dont ${counts.new === 1 ? "1 nouvelle" : `${counts.new} nouvelles`}`;
}

/** « Camille Martin » */
export function candidateName(application: Pick<RecruiterApplication, "candidate">): string {
  return `${application.candidate.firstName} ${application.candidate.lastName}`.trim();
}

export interface AnswerDraft {
  decision: ApplicationDecision | undefined;
  reason: RefusalReason | "";
  message: string;
}

/** The draft checked with core's schema: a refusal needs its reason; empty fields are left out. */
export function answerInput(draft: AnswerDraft) {
  if (!draft.decision) return { ok: false as const, errors: { decision: "Choisissez votre réponse." } };
  const parsed = answerFromSpaceSchema.safeParse({
    decision: draft.decision,
    ...(draft.decision === "refused" && draft.reason ? { reason: draft.reason } : {}),
    message: draft.message,
  });
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "decision")] ??= issue.message;
  return { ok: false as const, errors };
}
