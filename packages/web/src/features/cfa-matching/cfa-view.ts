import {
  type CfaMatchKind,
  type CfaSuggestion,
  cfaMatchLabels,
  type MatchedTraining,
  type OwnerCfaRequest,
} from "@tremplin/core";

/** « à 800 m », « à 12 km »: distances are approximate, so whole kilometres beyond one. */
export function formatDistance(km: number): string {
  if (km < 1) return `à ${Math.max(100, Math.round((km * 1000) / 100) * 100)} m`;
  return `à ${Math.round(km)} km`;
}

/** How a CFA's trainings relate to the offer's job, in the recruiter's words. */
export function matchLabel(kind: CfaMatchKind): string {
  return cfaMatchLabels[kind];
}

/**
 * A CFA already asked for this offer (sent, held until publication, or cancelled because it opted
 * out) cannot be asked again: the API would skip it, so the box is not offered.
 */
export function isSelectable(suggestion: Pick<CfaSuggestion, "request">): boolean {
  return suggestion.request === null;
}

/** The SIRETs still chosen among `chosen` that can be asked (a refreshed list may have dropped some). */
export function selectableChoice(chosen: ReadonlySet<string>, suggestions: readonly CfaSuggestion[]): string[] {
  return suggestions.filter((s) => isSelectable(s) && chosen.has(s.siret)).map((s) => s.siret);
}

/** Adds or removes one SIRET, never beyond `max` boxes (the API's limit for one go). */
export function toggleChoice(chosen: ReadonlySet<string>, siret: string, max: number): Set<string> {
  const next = new Set(chosen);
  if (next.has(siret)) next.delete(siret);
  else if (next.size < max) next.add(siret);
  return next;
}

/** « CAP Boulanger (niveau 3) » for a training line. */
export function trainingLine(training: Pick<MatchedTraining, "title" | "diplomaLevel">): string {
  return training.diplomaLevel ? `${training.title} (niveau ${training.diplomaLevel})` : training.title;
}

/** « et 3 autres formations » when the CFA has more trainings than those shown, else null. */
export function moreTrainings(shown: number, total: number): string | null {
  const more = total - shown;
  if (more <= 0) return null;
  return more === 1 ? "et 1 autre formation" : `et ${more} autres formations`;
}

/** « 2 CFA ont répondu sur 3 » for the summary above the requests sent. */
export function answersSummary(items: readonly Pick<OwnerCfaRequest, "answer" | "status">[]): string {
  const asked = items.filter((r) => r.status !== "cancelled").length;
  const answered = items.filter((r) => r.answer !== null).length;
  if (asked === 0) return "Aucune demande envoyée.";
  const what = asked === 1 ? "1 CFA sollicité" : `${asked} CFA sollicités`;
  return `${what} · ${answered === 0 ? "aucune réponse pour l'instant" : answered === 1 ? "1 réponse" : `${answered} réponses`}`;
}
