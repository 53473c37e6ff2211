import { normalizeSearchText, searchTokens } from "@tremplin/core";

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Each character of `text` normalised as the search normalises it (lower case, no accents, « œ »
 * → « oe », punctuation → space), with the index of the character it came from, so that a match
 * found in the normalised text can be shown on the original one.
 */
function normalizeWithOrigins(text: string): { normalized: string; starts: number[]; ends: number[] } {
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    // normalizeSearchText trims, so a lone punctuation mark would vanish: keep it as a space.
    const piece = normalizeSearchText(char) || " ";
    for (const c of piece) {
      normalized += c;
      starts.push(offset);
      ends.push(offset + char.length);
    }
    offset += char.length;
  }
  return { normalized, starts, ends };
}

/**
 * Splits a label into matched and unmatched parts for display: every word that starts with one of
 * the typed words is matched on the typed length, whatever the accents or case (« boulang »
 * highlights « Boulang » in « Boulangère »). Matches nothing when nothing was typed.
 */
export function highlightMatch(text: string, query: string): TextSegment[] {
  const tokens = searchTokens(query);
  if (tokens.length === 0 || text === "") return text ? [{ text, match: false }] : [];
  const { normalized, starts, ends } = normalizeWithOrigins(text);
  const matched = new Array<boolean>(text.length).fill(false);

  for (let start = 0; start < normalized.length; start++) {
    const atWordStart = start === 0 || normalized[start - 1] === " ";
    if (!atWordStart || normalized[start] === " ") continue;
    const longest = tokens.reduce(
      (best, t) => (normalized.startsWith(t, start) && t.length > best ? t.length : best),
      0,
    );
    if (longest === 0) continue;
    matched.fill(true, starts[start], ends[start + longest - 1]);
  }

  const segments: TextSegment[] = [];
  for (let i = 0; i < text.length; i++) {
    const match = matched[i] === true;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text[i];
    else segments.push({ text: text[i] ?? "", match });
  }
  return segments;
}
