/**
 * Free texts written by recruiters (title, description, company presentation) must not carry
 * contact details: applications go through the service, which protects both sides (no harvested
 * addresses, no off-platform scams). HTML is removed rather than refused.
 */

const entities: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };

function removeTags(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\s*(br|\/p|\/div|\/li)\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "");
}

/**
 * Removes tags and decodes the few entities people paste; keeps line breaks. Decoding can make new
 * tags (`&lt;b&gt;` becomes `<b>`), so both are repeated until nothing changes: the result never
 * holds a tag, only text (a lone `<` as in « a < b » stays, outputs escape it).
 */
export function stripHtml(text: string): string {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const next = removeTags(current).replace(
      /&(nbsp|amp|lt|gt|quot|#39|apos);/g,
      (_, name: string) => entities[name] ?? "",
    );
    if (next === current) break;
    current = next;
  }
  return current
    .replace(/<[^>]*>/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export type ContactKind = "email" | "url" | "phone";

const patterns: Array<[ContactKind, RegExp]> = [
  ["email", /[\w.+-]+\s*(@|\[at\]|\(at\))\s*[\w-]+(\.[\w-]+)+/i],
  ["url", /\b(https?:\/\/|www\.)\S+|\b[\w-]+\.(fr|com|net|org|io|eu|info|biz)\b(\/\S*)?/i],
  // French numbers written with or without separators: 06 12 34 56 78, 0612345678, +33 6 12…
  ["phone", /(\+33\s?|0033\s?|\b0)[1-9]([\s.-]?\d{2}){4}\b/],
];

/** The first kind of contact detail found in the text, or null. */
export function findContactDetail(text: string): ContactKind | null {
  for (const [kind, pattern] of patterns) if (pattern.test(text)) return kind;
  return null;
}

export const contactKindLabels: Record<ContactKind, string> = {
  email: "une adresse e-mail",
  url: "une adresse de site web",
  phone: "un numéro de téléphone",
};
