/**
 * SIREN (9 digits, the company) and SIRET (14 digits: SIREN + NIC, the establishment) rules.
 * Both end with a Luhn check digit, except the establishments of La Poste: it has more
 * establishments than one SIREN's Luhn-valid NICs allow, so INSEE numbers them so that the sum of
 * the SIRET's digits is a multiple of 5 (its head office, 356 000 000 00048, is Luhn-valid too).
 */
export const LA_POSTE_SIREN = "356000000";

/** Removes what people type between digits: spaces (also non-breaking), dots, dashes. */
export function compactIdentifier(input: string): string {
  return input.replace(/[\s.\-\u00a0\u202f]/g, "");
}

/** Luhn checksum over a string of digits: true when the last digit checks the others. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `digits + d` Luhn-valid. */
export function luhnCheckDigit(digits: string): number {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(`${digits}${d}`)) return d;
  throw new Error("unreachable: one digit always completes a Luhn number");
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

export type IdentifierProblem = "format" | "checksum";

/** Why a compact SIREN is not valid (null when it is). */
export function sirenProblem(siren: string): IdentifierProblem | null {
  if (!/^\d{9}$/.test(siren)) return "format";
  return isLuhnValid(siren) ? null : "checksum";
}

/** Why a compact SIRET is not valid (null when it is). */
export function siretProblem(siret: string): IdentifierProblem | null {
  if (!/^\d{14}$/.test(siret)) return "format";
  if (isLuhnValid(siret)) return null;
  if (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0) return null;
  return "checksum";
}

export function isValidSiren(siren: string): boolean {
  return sirenProblem(siren) === null;
}

export function isValidSiret(siret: string): boolean {
  return siretProblem(siret) === null;
}

/** The SIREN of a SIRET (its first 9 digits). */
export function sirenOf(siret: string): string {
  return siret.slice(0, 9);
}

/** "12345678900012" → "123 456 789 00012", the way INSEE prints it. */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** Where a person finds their SIRET, said once for every message that needs it. */
export const siretHelp =
  "Le numéro SIRET compte 14 chiffres (les 9 du SIREN suivis de 5 chiffres propres à l'établissement). " +
  "Il figure sur l'avis de situation Sirene, les bulletins de paie, les factures, ou sur annuaire-entreprises.data.gouv.fr.";

/** The French message for a SIRET problem, naming what was received. */
export function siretProblemMessage(problem: IdentifierProblem, received: string): string {
  return problem === "format"
    ? `« ${received} » n'est pas un numéro SIRET. ${siretHelp}`
    : `Le numéro SIRET ${received} comporte une erreur de saisie (sa clé de contrôle est fausse). Vérifiez chaque chiffre. ${siretHelp}`;
}
