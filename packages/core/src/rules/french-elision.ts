/**
 * French puts « de », « à » and « le » in front of a name differently depending on how it starts:
 * « d'Aurillac », « du Havre » (de + Le), « au Havre » (à + Le), « des Sables-d'Olonne » (de + Les),
 * « aux Sables-d'Olonne », « de La Rochelle », « l'OPCO EP ». Every sentence of the server and the
 * web app that joins one of these words to a name (town, company, person, organisation) goes
 * through `withPreposition`, so that none reads « autour de Aurillac » or « de Le Havre ».
 */
export type FrenchLinkWord = "de" | "De" | "à" | "À" | "le" | "Le";

/** « de » and « le » drop their vowel before these letters (and before a mute h, below). */
const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/i;
/** Y is a vowel before a consonant (« d'Yvetot », « d'Yssingeaux »), not before a vowel (« de Yacine »). */
const Y_AS_VOWEL = /^y[^aeiouàâäéèêëîïôöùûüy\s'’-]/i;
/**
 * Most names starting with H take « de » unchanged (aspirated h: « de Haguenau », « de Honfleur »,
 * « de Hem »); the common mute-h openings elide (« d'Hyères », « d'Hénin-Beaumont », « d'Huningue »,
 * « d'Hirson », « d'Hôtel-Dieu »). A short rule that is right for nearly every town and company.
 */
const MUTE_H = /^h[éèêiîyuô]/i;

/** A leading article that contracts with « de » / « à »: « Le Havre », « LES SABLES », « Les Mureaux ». */
const CONTRACTING_ARTICLE = /^(le|les)\s+(?=\S)/i;

function startsWithVowelSound(name: string): boolean {
  return VOWEL.test(name) || Y_AS_VOWEL.test(name) || MUTE_H.test(name);
}

/**
 * The word and the name joined as French writes them. The name keeps its own capitals; the result
 * starts with a capital when the word did (« Du Havre », « D'Aurillac » at the start of a sentence).
 *
 * - `de`: « d'Aurillac », « du Havre », « des Sables-d'Olonne », « de La Rochelle », « de L'Haÿ-les-Roses »,
 *   « de l'OPCO EP » (the name already carries « l' »).
 * - `à`: « à Aurillac », « au Havre », « aux Sables-d'Olonne », « à La Rochelle ».
 * - `le` (before a common name used as a name, « le OPCO » → « l'OPCO »): the article is dropped
 *   when the name brings its own (« le Le Havre » → « Le Havre »).
 */
export function withPreposition(word: FrenchLinkWord, name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") return word;
  const capital = word[0] !== word[0]?.toLowerCase();
  const cap = (s: string) => (capital ? s[0]?.toUpperCase() + s.slice(1) : s);
  const lower = word.toLowerCase();
  const article = CONTRACTING_ARTICLE.exec(trimmed);

  if (lower === "le") {
    if (article || /^(la\s|l['’])/i.test(trimmed)) return capital ? cap(trimmed) : trimmed;
    return startsWithVowelSound(trimmed) ? cap(`l'${trimmed}`) : cap(`le ${trimmed}`);
  }
  if (article) {
    const rest = trimmed.slice(article[0].length);
    const plural = (article[1] as string).toLowerCase() === "les";
    if (lower === "de") return cap(`${plural ? "des" : "du"} ${rest}`);
    return cap(`${plural ? "aux" : "au"} ${rest}`);
  }
  if (lower === "de" && startsWithVowelSound(trimmed)) return cap(`d'${trimmed}`);
  return cap(`${lower} ${trimmed}`);
}

/**
 * An OPCO's name as it stands in a sentence: the ones called « OPCO … » or named by an acronym
 * that starts with a vowel take the definite article (« l'OPCO EP », « l'AFDAS », « l'OCAPIAT »);
 * « L'Opcommerce » brings its own; the others are used bare (« Constructys », « Uniformation »).
 * Then `withPreposition("de", opcoInSentence(name))` gives « relevant de l'OPCO EP ».
 */
export function opcoInSentence(name: string): string {
  const trimmed = name.trim();
  if (/^l['’]/i.test(trimmed)) return `l'${trimmed.slice(2)}`;
  if (/^opco\b/i.test(trimmed) || /^[AEIOU][A-Z]{2,}\b/.test(trimmed) || /^(akto|atlas)$/i.test(trimmed))
    return `l'${trimmed}`;
  return trimmed;
}
