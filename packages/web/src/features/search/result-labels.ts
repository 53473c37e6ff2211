import { type ContractType, contractTypeLabels, displayName } from "@tremplin/core";

/** « à moins d'1 km », « à 4,6 km », « à 27 km »: a decimal only where it helps. */
export function distanceLabel(distanceKm: number): string {
  if (distanceKm < 1) return "à moins d'1 km";
  const rounded = distanceKm < 10 ? Math.round(distanceKm * 10) / 10 : Math.round(distanceKm);
  return `à ${rounded.toLocaleString("fr-FR")} km`;
}

/** « Villeurbanne (69100) », the city alone, or null when the API knows neither; capitals from a register in normal case. */
export function placeLabel(city: string | null, postalCode: string | null): string | null {
  if (city && postalCode) return `${displayName(city)} (${postalCode})`;
  return (city && displayName(city)) ?? postalCode ?? null;
}

/** « Contrat d'apprentissage », or both kinds joined; an empty list says nothing. */
export function contractsLabel(types: readonly ContractType[]): string | null {
  if (types.length === 0) return null;
  if (types.length === 1) return contractTypeLabels[types[0] as ContractType];
  return "Apprentissage ou professionnalisation";
}

/** « 12 offres », « 1 offre », « Aucune offre ». */
export function countLabel(count: number, singular: string, plural: string): string {
  if (count === 0) return `Aucune ${singular}`;
  return `${count} ${count === 1 ? singular : plural}`;
}

const monthNames = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** ["2026-09", "2027-01"] → « septembre 2026, janvier 2027 » (a training's start months). */
export function startMonthsLabel(months: readonly string[]): string | null {
  const words = months
    .map((month) => /^(\d{4})-(\d{2})$/.exec(month))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, year, month]) => `${monthNames[Number(month) - 1] ?? ""} ${year}`.trim());
  return words.length > 0 ? words.join(", ") : null;
}

/** « 3 offres et 1 entreprise susceptible de recruter. », agreeing in number with each count. */
export function resultsSummary(offers: number, companies: number, more: boolean): string {
  const offerPart = countLabel(offers, "offre", "offres");
  const companyPart = `${countLabel(companies, "entreprise", "entreprises").replace(/^Aucune/, "aucune")} ${
    companies > 1 ? "susceptibles" : "susceptible"
  } de recruter`;
  return `${offerPart} et ${companyPart}${more ? " pour l'instant (d'autres avec « Voir plus »)" : ""}.`;
}

/** The next wider radius to suggest when a search finds no offer; null at the widest. */
export function widerRadius(radius: number, choices: readonly number[]): number | null {
  return choices.find((choice) => choice > radius) ?? null;
}
