/**
 * Search text normalisation and fuzzy ranking, shared by the server (ranking candidates) and the
 * browser (highlighting). Mirrors SQL `normalize_search()`: lower case, no accents, punctuation
 * as single spaces.
 */
export function normalizeSearchText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("œ", "oe")
    .replaceAll("æ", "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function searchTokens(text: string): string[] {
  const normalized = normalizeSearchText(text);
  return normalized ? normalized.split(" ") : [];
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** pg_trgm's similarity of two words: shared trigrams / all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const union = ta.size + tb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How well one typed token matches one word of a label, 0…1. */
function tokenWordScore(token: string, word: string): number {
  if (word.startsWith(token)) return 1;
  // "boulangere" typed, "boulanger" in the label: the label word is a prefix of what was typed.
  if (word.length >= 4 && token.startsWith(word)) return 0.9;
  return trigramSimilarity(token, word);
}

export interface RankableLabel {
  /** normalize_search(label), as stored. */
  searchText: string;
  label: string;
  principal?: boolean;
  rarelyUsed?: boolean;
}

/**
 * Scores a label against what was typed. Every typed token is matched to its best word; exact
 * starts count most, then typo-tolerant trigram similarity. Principal job titles and labels that
 * start with the query come first; rarely used titles sink.
 */
export function scoreLabel(query: string, candidate: RankableLabel): number {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return 0;
  const words = candidate.searchText.split(" ");
  let total = 0;
  let weakest = 1;
  for (const token of tokens) {
    let best = 0;
    for (const word of words) {
      const s = tokenWordScore(token, word);
      if (s > best) best = s;
      if (best === 1) break;
    }
    // Very short tokens ("de", "a") say little: they may add, not decide.
    if (token.length <= 2) best = best === 1 ? 1 : 0.5;
    total += best;
    if (best < weakest) weakest = best;
  }
  const mean = total / tokens.length;
  const normalizedQuery = tokens.join(" ");
  let score = mean * 10 + weakest * 3;
  if (candidate.searchText.startsWith(normalizedQuery)) score += 3;
  else if (words[0] && tokens[0] && words[0].startsWith(tokens[0])) score += 1.5;
  if (candidate.principal) score += 1.5;
  if (candidate.rarelyUsed) score -= 1.5;
  score -= Math.min(candidate.label.length, 120) / 60;
  return score;
}

/** Sorts candidates best first (stable on label for equal scores). */
export function rankByQuery<T extends RankableLabel>(query: string, candidates: readonly T[]): T[] {
  return candidates
    .map((c) => ({ c, s: scoreLabel(query, c) }))
    .sort((x, y) => y.s - x.s || x.c.label.localeCompare(y.c.label, "fr"))
    .map((x) => x.c);
}
