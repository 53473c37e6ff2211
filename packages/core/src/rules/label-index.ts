import { normalizeSearchText } from "./text-search.js";

/**
 * An in-memory, typo-tolerant index over a few tens of thousands of labels (job titles, communes).
 * Built once from the reference tables; a query touches only the words that can match, so it answers
 * in well under a millisecond (pg_trgm inside PGlite's WebAssembly build takes 50–200 ms for the same).
 */
export interface IndexedLabel {
  label: string;
  /** Ranking hints: principal titles rise, rarely used ones sink, bigger towns first on ties. */
  principal?: boolean;
  rarelyUsed?: boolean;
  weight?: number;
}

interface Entry<T> {
  item: T;
  words: number[];
  normalized: string;
  /** Without a leading article (« le mans » → « mans »): « Mans » is the town people mean, not « Mansac ». */
  bare: string;
}

const LEADING_ARTICLE = /^(le|la|les|l) /;

const FUZZY_MIN_SIMILARITY = 0.4;

function trigramsOf(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

export class LabelIndex<T extends IndexedLabel> {
  readonly #entries: Entry<T>[] = [];
  readonly #vocabulary: string[] = [];
  readonly #wordIds = new Map<string, number>();
  /** Vocabulary ids sorted by word, for prefix ranges. */
  #sortedWordIds: number[] = [];
  readonly #entriesByWord: number[][] = [];
  readonly #wordsByTrigram = new Map<string, number[]>();
  #trigramCounts: Uint16Array = new Uint16Array(0);
  /** Scratch counters for one query (shared trigrams per vocabulary word), reset after use. */
  #shared: Uint16Array = new Uint16Array(0);

  constructor(items: Iterable<T>) {
    for (const item of items) {
      const normalized = normalizeSearchText(item.label);
      const words = normalized ? normalized.split(" ").map((w) => this.#wordId(w)) : [];
      const entryId = this.#entries.length;
      this.#entries.push({ item, words, normalized, bare: normalized.replace(LEADING_ARTICLE, "") });
      for (const w of new Set(words)) (this.#entriesByWord[w] as number[]).push(entryId);
    }
    this.#sortedWordIds = this.#vocabulary.map((_, i) => i).sort((a, b) => this.#word(a).localeCompare(this.#word(b)));
    this.#trigramCounts = new Uint16Array(this.#vocabulary.length);
    this.#shared = new Uint16Array(this.#vocabulary.length);
    this.#vocabulary.forEach((word, id) => {
      const trigrams = trigramsOf(word);
      this.#trigramCounts[id] = trigrams.length;
      for (const t of trigrams) {
        const list = this.#wordsByTrigram.get(t);
        if (list) list.push(id);
        else this.#wordsByTrigram.set(t, [id]);
      }
    });
  }

  get size(): number {
    return this.#entries.length;
  }

  #word(id: number): string {
    return this.#vocabulary[id] as string;
  }

  #wordId(word: string): number {
    let id = this.#wordIds.get(word);
    if (id === undefined) {
      id = this.#vocabulary.length;
      this.#vocabulary.push(word);
      this.#wordIds.set(word, id);
      this.#entriesByWord.push([]);
    }
    return id;
  }

  /** Words matching one typed token, with how well they match (1 = the word starts with the token). */
  #matchingWords(token: string): Map<number, number> {
    const scores = new Map<number, number>();
    // Prefix range in the sorted vocabulary.
    let lo = 0;
    let hi = this.#sortedWordIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#word(this.#sortedWordIds[mid] as number) < token) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.#sortedWordIds.length; i++) {
      const id = this.#sortedWordIds[i] as number;
      if (!this.#word(id).startsWith(token)) break;
      scores.set(id, 1);
    }
    // Fuzzy matching is for typos in longer words; a short token still being typed has its prefixes.
    if (token.length < 3 || (token.length < 5 && scores.size >= 20)) return scores;
    // Typed more than the word ("boulangere" for "boulanger"), or typos: trigram neighbours. Trigram sets
    // are deduplicated, so counting shared trigrams through the inverted lists gives pg_trgm's exact
    // similarity = shared / (|token| + |word| - shared).
    const tokenTrigrams = trigramsOf(token);
    const touched: number[] = [];
    for (const t of tokenTrigrams) {
      for (const id of this.#wordsByTrigram.get(t) ?? []) {
        if (this.#shared[id] === 0) touched.push(id);
        this.#shared[id] = (this.#shared[id] as number) + 1;
      }
    }
    for (const id of touched) {
      const shared = this.#shared[id] as number;
      this.#shared[id] = 0;
      if (scores.has(id)) continue;
      const word = this.#word(id);
      const similarity = shared / (tokenTrigrams.length + (this.#trigramCounts[id] as number) - shared);
      const score = word.length >= 4 && token.startsWith(word) ? Math.max(0.9, similarity) : similarity;
      if (score >= FUZZY_MIN_SIMILARITY) scores.set(id, score);
    }
    return scores;
  }

  /** The best `limit` labels for what was typed, best first. */
  search(query: string, limit: number): T[] {
    const tokens = normalizeSearchText(query).split(" ").filter(Boolean);
    if (tokens.length === 0) return [];
    const perToken = tokens.map((t) => this.#matchingWords(t));
    // Candidates: labels holding a word that matches the most selective token (long tokens decide).
    const decisive = perToken
      .map((scores, i) => ({ scores, length: tokens[i]?.length ?? 0 }))
      .filter((t) => t.length >= 3 || tokens.length === 1)
      .sort((a, b) => a.scores.size - b.scores.size)[0];
    if (!decisive) return [];
    const candidates = new Set<number>();
    for (const wordId of decisive.scores.keys()) for (const e of this.#entriesByWord[wordId] ?? []) candidates.add(e);

    const normalizedQuery = tokens.join(" ");
    const scored: Array<{ entry: Entry<T>; score: number }> = [];
    for (const entryId of candidates) {
      const entry = this.#entries[entryId] as Entry<T>;
      let total = 0;
      let weakest = 1;
      for (let i = 0; i < tokens.length; i++) {
        let best = 0;
        const scores = perToken[i] as Map<number, number>;
        for (const w of entry.words) {
          const s = scores.get(w);
          if (s !== undefined && s > best) best = s;
        }
        // Very short tokens ("de", "a") may add, never decide.
        if ((tokens[i] as string).length <= 2) best = best === 1 ? 1 : 0.5;
        total += best;
        if (best < weakest) weakest = best;
      }
      if (weakest === 0) continue;
      const firstWord = entry.bare.split(" ", 1)[0] ?? "";
      let score = (total / tokens.length) * 10 + weakest * 3;
      if (entry.normalized === normalizedQuery || entry.bare === normalizedQuery) score += 4;
      else if (entry.normalized.startsWith(normalizedQuery) || entry.bare.startsWith(normalizedQuery)) score += 3;
      else if (tokens[0] && firstWord.startsWith(tokens[0])) score += 1.5;
      if (entry.item.principal) score += 1.5;
      if (entry.item.rarelyUsed) score -= 1.5;
      if (entry.item.weight) score += Math.min(2, Math.log10(1 + entry.item.weight) / 3);
      score -= Math.min(entry.item.label.length, 120) / 60;
      scored.push({ entry, score });
    }
    // Ties by normalised label: localeCompare with a French collator is far too slow on thousands of rows.
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        (a.entry.normalized < b.entry.normalized ? -1 : a.entry.normalized > b.entry.normalized ? 1 : 0),
    );
    return scored.slice(0, limit).map((s) => s.entry.item);
  }
}
