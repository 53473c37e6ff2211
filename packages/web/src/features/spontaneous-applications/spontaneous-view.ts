import { formatSiret, type RecruiterApplication } from "@tremplin/core";

/** The counts the page's lead and the space's summary need. */
export function spontaneousCounts(items: readonly Pick<RecruiterApplication, "status">[]) {
  return { total: items.length, new: items.filter((a) => a.status === "new").length };
}

/** « 2 candidatures spontanées, dont 1 nouvelle » for the recruiter's space. */
export function spaceSummary(counts: { total: number; new: number }): string {
  const total =
    counts.total === 1
      ? "Vous avez reçu 1 candidature spontanée"
      : `Vous avez reçu ${counts.total} candidatures spontanées`;
  if (counts.new === 0) return `${total}.`;
  return `${total}, dont ${counts.new === 1 ? "1 nouvelle" : `${counts.new} nouvelles`} à lire.`;
}

export interface EstablishmentApplications {
  siret: string;
  heading: string;
  items: RecruiterApplication[];
}

/**
 * The applications under the establishment they were sent to (a recruiter may hold several), in the
 * order the API gives them (newest first), establishments in the order of their newest application.
 */
export function groupByEstablishment(items: readonly RecruiterApplication[]): EstablishmentApplications[] {
  const groups = new Map<string, EstablishmentApplications>();
  for (const application of items) {
    const { siret, companyName } = application.target;
    let group = groups.get(siret);
    if (!group) {
      group = { siret, heading: `${companyName} · SIRET ${formatSiret(siret)}`, items: [] };
      groups.set(siret, group);
    }
    group.items.push(application);
  }
  return [...groups.values()];
}
