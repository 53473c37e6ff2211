import { accentedWords } from "./french-accents.js";

/**
 * Text from catalogues and registers, made readable (presenters apply it before the API answers):
 * labels written in capitals get their case and, where certain, their accents back (« PATISSIER (CAP) »
 * → « Pâtissier (CAP) »), acronyms stay in capitals, « Etre » at a sentence start becomes « Être », and
 * lists separated by semicolons read as lists (« Pâtisserie; confiserie; » → « Pâtisserie, confiserie »).
 * Text that already has lower-case letters keeps its case: someone wrote it that way.
 */

/** Acronyms of diplomas, legal forms and institutions that stay in capitals. */
const ACRONYMS = new Set(
  (
    "CAP CAPA BTS BTSA BP BPA BEP BAC BM BMA BTM BTMS MC CS CQP CQPI TP DUT BUT DEUST DNMADE DMA FCIL DEES DEAES " +
    "DEAP DEAS DEEJE DEME DEIS DSCG DCG MBA RNCP ROME CFA CFAS UFA IUT UFR ISTEC IFSI GRETA CCI CMA AFPA OPCO " +
    "SARL SAS SASU SA EURL SNC SCI SCOP SCIC EI EIRL GIE GIP EPIC EPA EHPAD SAV BTP TP HQE CAO DAO CFAO CNC PAO " +
    "RH IT PME TPE ETI CHR HACCP CACES SST QSE QHSE HSE BPJEPS CPJEPS DEJEPS DESJEPS TSMEL MIAGE NRBC IAE IAA " +
    "SIRET SIREN NAF ZA ZI ZAC ZAE ZUP CEDEX BP CS TSA RD RN SNCF RATP EDF GDF ENEDIS DJ TV VTC SPL"
  ).split(" "),
);
const ROMAN_NUMERAL = /^(I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/;
/** Small words that stay in lower case inside a name (« Chambre de métiers et de l'artisanat »). */
const SMALL_WORDS = new Set([
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "l",
  "d",
  "et",
  "ou",
  "en",
  "au",
  "aux",
  "à",
  "sur",
  "sous",
  "par",
  "pour",
  "un",
  "une",
  "bis",
  "ter",
]);
const STREET_TYPES = new Set(
  (
    "rue avenue av boulevard bd place pl chemin allée allee impasse imp route rte quai cours square sq passage voie " +
    "rond-point faubourg fg sentier lotissement lot hameau lieu-dit résidence residence parc promenade esplanade " +
    "mail villa cité cite montée rampe traverse chaussée chaussee ruelle venelle sente clos carrefour"
  ).split(" "),
);

const LETTERS = /[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+/g;
const HAS_LOWER = /[a-zà-öø-ÿœæ]/;

/** Upper case without accents: the key of `accentedWords`. */
function plainUpper(word: string): string {
  return word
    .toUpperCase()
    .replaceAll("Œ", "OE")
    .replaceAll("Æ", "AE")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

const capitalize = (word: string) => (word ? (word[0] as string).toUpperCase() + word.slice(1) : word);

/** True when a label is written all in capitals (and is more than an acronym or two). */
export function isShouted(text: string): boolean {
  if (HAS_LOWER.test(text)) return false;
  const words = text.match(LETTERS) ?? [];
  return words.some((w) => w.length >= 4 && !ACRONYMS.has(w)) || words.length >= 3;
}

type Style = "sentence" | "name" | "address";

/** One word of a shouted text in lower case (accented when known), or kept as an acronym. */
function lowerWord(word: string, index: number): { text: string; acronym: boolean } {
  const upper = word.toUpperCase();
  if (ACRONYMS.has(upper) || (index > 0 && ROMAN_NUMERAL.test(upper))) return { text: upper, acronym: true };
  // « VENTE A DISTANCE »: a lone A inside a label is the preposition.
  if (upper === "A") return { text: "à", acronym: false };
  return { text: accentedWords.get(plainUpper(word)) ?? word.toLowerCase(), acronym: false };
}

function unshout(text: string, style: Style): string {
  let index = 0;
  let streetTypeSeen = false;
  let previousSeparator = "";
  let lastEnd = 0;
  return text.replace(LETTERS, (word, offset: number) => {
    previousSeparator = text.slice(lastEnd, offset);
    lastEnd = offset + word.length;
    const { text: lowered, acronym } = lowerWord(word, index);
    const first = index === 0;
    index++;
    if (acronym) return lowered;
    if (style === "sentence") return first ? capitalize(lowered) : lowered;
    if (style === "address" && !streetTypeSeen && STREET_TYPES.has(lowered)) {
      streetTypeSeen = true;
      return lowered;
    }
    if (style === "address" && /^\d/.test(text.trimStart()) && (lowered === "bis" || lowered === "ter")) return lowered;
    // Inside a name, small words stay small, except first and after a hyphen (« Saint-Jean-de-Luz » keeps « de »).
    const afterElision = /['’]$/.test(previousSeparator);
    if (!first && SMALL_WORDS.has(lowered) && !afterElision) return lowered;
    if (!first && lowered.length === 1 && /['’]/.test(text.slice(lastEnd, lastEnd + 1))) return lowered;
    return capitalize(lowered);
  });
}

/** « Etre », « Ecole », « Equipe » written without the accent of their capital → « Être », « École »… */
function restoreCapitalAccents(text: string): string {
  return text.replace(/(?<![\p{L}])([EAOI])([a-zà-öø-ÿœ]+)/gu, (word, capital: string, rest: string) => {
    const known = accentedWords.get(plainUpper(word));
    return known && known.slice(1) === rest ? capitalize(known) : `${capital}${rest}`;
  });
}

/** « Pâtisserie; confiserie; chocolaterie; » → « Pâtisserie, confiserie, chocolaterie ». */
function semicolonListToCommas(text: string): string {
  if (!text.includes(";")) return text;
  return text
    .replace(/\s*;\s*$/u, "")
    .replace(/\s*;\s*/gu, ", ")
    .replace(/,\s*,/gu, ",");
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A training title, job label, skill or any short label: sentence case when shouted. */
export function displayLabel(text: string): string;
export function displayLabel(text: string | null): string | null;
export function displayLabel(text: string | null): string | null {
  if (text === null) return null;
  const clean = tidy(text);
  const cased = isShouted(clean) ? unshout(clean, "sentence") : restoreCapitalAccents(clean);
  return semicolonListToCommas(cased);
}

/** An organisation or place name (CFA, company, town): each main word capitalised when shouted. */
export function displayName(text: string): string;
export function displayName(text: string | null): string | null;
export function displayName(text: string | null): string | null {
  if (text === null) return null;
  const clean = tidy(text);
  return isShouted(clean) ? unshout(clean, "name") : clean;
}

/** A street address: « 1 AVENUE DE LA DEMO » → « 1 avenue de la Démo ». */
export function displayAddress(text: string): string;
export function displayAddress(text: string | null): string | null;
export function displayAddress(text: string | null): string | null {
  if (text === null) return null;
  const clean = tidy(text);
  return isShouted(clean) ? unshout(clean, "address") : clean;
}
