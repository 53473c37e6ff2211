/** « 2 demandes de référencement à examiner » for the OPCO space. */
export function openRequestsSummary(count: number): string {
  if (count === 0) return "Aucune demande de référencement à examiner pour le moment.";
  return count === 1 ? "1 demande de référencement à examiner." : `${count} demandes de référencement à examiner.`;
}
