/**
 * Names (a person's, a contact's) are one line: they are put into email subjects and headers,
 * CSV cells and audit labels, where a line break or another control character would start a new
 * header, row or entry. Forms refuse them (with this message) rather than silently clean them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTERS.test(text);

export const oneLineMessage = "Écrivez-le sur une seule ligne, sans retour à la ligne ni tabulation.";
