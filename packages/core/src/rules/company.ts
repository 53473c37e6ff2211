/**
 * Company rules shared by the importers, the services and the web app.
 */

/** "10.71C" (as Sirene writes it) or "1071c" → "1071C" (as the NAF table stores it). */
export function normalizeNafCode(code: string): string {
  return code.trim().toUpperCase().replace(".", "");
}

/**
 * NAF sub-classes of training organisations that can run apprenticeship courses (CFA): secondary
 * technical and vocational teaching, post-secondary and higher education, adult and other training.
 * Pre-school, primary, general secondary, sport, culture and driving schools (85.10 to 85.31,
 * 85.51 to 85.53) and support activities (85.60) are not.
 */
export const trainingOrganisationNafCodes: readonly string[] = ["8532Z", "8541Z", "8542Z", "8559A", "8559B"];

/** True when the NAF code (any spelling) is that of a training organisation. */
export function isTrainingOrganisationNaf(nafCode: string | null | undefined): boolean {
  if (!nafCode) return false;
  return trainingOrganisationNafCodes.includes(normalizeNafCode(nafCode));
}

/** Sirene administrative state: A active, F closed (fermé). */
export type AdministrativeState = "A" | "F";

/** Sirene diffusion status: O open, P partially non-diffusible, N non-diffusible. */
export type DiffusionStatus = "O" | "P" | "N";

/** Only establishments whose owner accepts open diffusion may be shown to anyone. */
export function isDiffusible(status: DiffusionStatus): boolean {
  return status === "O";
}

/** INSEE headcount band codes ("tranche d'effectif salarié"): NN unknown/none, 00, 01 … 53. */
export const headcountBandCodes: readonly string[] = [
  "NN",
  "00",
  "01",
  "02",
  "03",
  "11",
  "12",
  "21",
  "22",
  "31",
  "32",
  "41",
  "42",
  "51",
  "52",
  "53",
];
