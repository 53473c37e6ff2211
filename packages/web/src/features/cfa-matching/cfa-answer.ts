import { type CfaAnswerInput, cfaAnswerInputSchema } from "@tremplin/core";

export type CfaAnswer = CfaAnswerInput["answer"];

export const cfaAnswerLabels: Record<CfaAnswer, string> = {
  candidates: "Je propose des candidats",
  no_candidate: "Pas de candidat pour le moment",
};

/** The emails' two buttons carry `&reponse=candidats|aucun`: the page ticks that answer, the click stays the person's. */
export function answerFromQuery(value: string | null): CfaAnswer | undefined {
  if (value === "candidats") return "candidates";
  if (value === "aucun") return "no_candidate";
  return undefined;
}

/** The answer to send, checked with core's schema (message trimmed, an empty one left out). */
export function cfaAnswerInput(
  answer: CfaAnswer | undefined,
  message: string,
): { ok: true; data: CfaAnswerInput } | { ok: false; error: string } {
  if (!answer) return { ok: false, error: "Choisissez votre réponse." };
  const trimmed = message.trim();
  const parsed = cfaAnswerInputSchema.safeParse({ answer, message: trimmed === "" ? null : trimmed });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Réponse invalide." };
  return { ok: true, data: parsed.data };
}

/** « Starting date » of a request's offer: a date, or as soon as possible. */
export function startLabel(offer: { startAsap: boolean; startDate: string | null }, format: (d: string) => string) {
  if (offer.startAsap || !offer.startDate) return "Dès que possible";
  return `À partir du ${format(offer.startDate)}`;
}
