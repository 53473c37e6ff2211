import { normalizeSearchText } from "./text-search.js";
/**
 * Matching rules between an offer's job and the trainings of the catalogue (pure; used by the
 * importer, the matching service and the web app's labels).
 *
 * Trainings carry classic ROME codes (RNCP → ROME links); an offer carries a ROME 4.0 fiche code,
 * whose `code_rome_parent` is the classic code it comes from, and whose first three characters are
 * its professional domain (D11 for D1102). A training matches an offer, from best to weakest:
 * "exact" (the fiche's own code), "parent" (its classic parent code), "domain" (same domain).
 */
export const cfaMatchKinds = ["exact", "parent", "domain"] as const;
export type CfaMatchKind = (typeof cfaMatchKinds)[number];

export const cfaMatchLabels: Record<CfaMatchKind, string> = {
  exact: "Forme à ce métier",
  parent: "Forme à ce métier (fiche ROME proche)",
  domain: "Forme dans le même domaine professionnel",
};

/** The rank of a kind of match: 1 is best. */
export function matchRank(kind: CfaMatchKind): number {
  return cfaMatchKinds.indexOf(kind) + 1;
}

/** The professional domain of a ROME code (its letter and first two digits). */
export function romeDomainOf(romeCode: string): string {
  return romeCode.slice(0, 3);
}

export interface OfferJob {
  romeCode: string;
  parentRomeCode: string;
  domainCode: string;
}

/**
 * The keys an offer's job is looked up with, best first, without repeats (a fiche may be its own
 * parent): the fiche and its classic parent only. The professional domain is not a fallback: it put
 * bakery trainings under a grocery sales offer (issue 14); no suggestion beats an unrelated one.
 * The `domain` kind stays in the contract for requests recorded before.
 */
export function offerMatchKeys(job: OfferJob): Array<{ key: string; kind: CfaMatchKind }> {
  const keys: Array<{ key: string; kind: CfaMatchKind }> = [];
  const add = (key: string, kind: CfaMatchKind) => {
    if (key && !keys.some((k) => k.key === key)) keys.push({ key, kind });
  };
  add(job.romeCode, "exact");
  add(job.parentRomeCode, "parent");
  return keys;
}

/**
 * The keys a training is indexed under: its ROME codes, their classic parents (when the catalogue
 * gives ROME 4.0 codes) and their domains. One index row per key makes each lookup an equality.
 */
export function trainingMatchKeys(
  romeCodes: readonly string[],
  parentOf: (code: string) => string | undefined,
): string[] {
  const keys = new Set<string>();
  for (const code of romeCodes) {
    keys.add(code);
    const parent = parentOf(code);
    if (parent) keys.add(parent);
    keys.add(romeDomainOf(code));
  }
  return [...keys];
}

export interface CfaCandidate {
  siret: string;
  /** Two establishments of one CFA often bear the same name: only the better one is suggested. */
  name?: string | null;
  match: CfaMatchKind;
  distanceKm: number;
  trainingsCount: number;
}

/**
 * Chooses at most `limit` CFAs: the best kind of match fills the list first (a CFA that trains for
 * the job beats a nearer one that only shares its domain), the nearest first within a kind; the
 * chosen ones are then shown nearest first, the better match first at equal distance.
 */
export function pickCfaSuggestions<T extends CfaCandidate>(candidates: readonly T[], limit: number): T[] {
  const tieBreak = (a: T, b: T) => b.trainingsCount - a.trainingsCount || a.siret.localeCompare(b.siret);
  const seenNames = new Set<string>();
  const chosen = [...candidates]
    .sort((a, b) => matchRank(a.match) - matchRank(b.match) || a.distanceKm - b.distanceKm || tieBreak(a, b))
    .filter((c) => {
      const name = c.name ? normalizeSearchText(c.name) : "";
      if (!name) return true;
      if (seenNames.has(name)) return false;
      seenNames.add(name);
      return true;
    })
    .slice(0, limit);
  return chosen.sort(
    (a, b) => a.distanceKm - b.distanceKm || matchRank(a.match) - matchRank(b.match) || tieBreak(a, b),
  );
}

/** Kilometres with one decimal, as shown to people. */
export function roundKm(metres: number): number {
  return Math.round(metres / 100) / 10;
}

/**
 * The diploma level (3 CAP … 7 Master) in the catalogue's wordings: "5 (BTS, DEUST...)",
 * "3 (CAP...)", "Niveau 6", "niveau4". Null when absent or outside 3–7 (old "niveau V" wordings).
 */
export function diplomaLevelFromText(text: string | number | null | undefined): number | null {
  if (typeof text === "number") return Number.isInteger(text) && text >= 3 && text <= 7 ? text : null;
  const match = /(?:^|\D)([3-7])(?:\D|$)/.exec(text ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * The "groupe de spécialité" (NSF) of a diploma, read from its CFD: positions 4–6 of the 8
 * characters (500 22137 → 221, food trades). Used as the diploma's domain when its RNCP code has no
 * ROME link.
 */
export function nsfGroupOfCfd(cfd: string | null | undefined): string | null {
  if (!cfd || !/^[0-9A-Z]{8}$/.test(cfd)) return null;
  const group = cfd.slice(3, 6);
  return /^\d{3}$/.test(group) ? group : null;
}

/** Answers a CFA gives to a company's request. */
export const cfaAnswers = ["candidates", "no_candidate"] as const;
export type CfaAnswer = (typeof cfaAnswers)[number];

export const cfaAnswerLabels: Record<CfaAnswer, string> = {
  candidates: "Propose des candidats",
  no_candidate: "Pas de candidat pour le moment",
};

/** Where a request stands: held until the offer is online, sent, or cancelled before sending. */
export const cfaRequestStatuses = ["held", "sent", "cancelled"] as const;
export type CfaRequestStatus = (typeof cfaRequestStatuses)[number];

export const cfaRequestStatusLabels: Record<CfaRequestStatus, string> = {
  held: "Envoi à la mise en ligne de l'offre",
  sent: "Envoyée",
  cancelled: "Non envoyée (le CFA ne reçoit plus de demandes)",
};
