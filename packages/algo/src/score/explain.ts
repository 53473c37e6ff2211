import { inSentence, plural } from "./french.js";

/** What the explanation of one exposed (establishment, job) pair is made of. */
export interface ExplanationFacts {
  /** Apprenticeship contracts in the 3 years / 12 months before the as-of date. */
  contracts3y: number;
  contracts12m: number;
  /** Of those 3 years, contracts in this job when the source tells the job (else null). */
  inJob3y: number | null;
  jobLabel: string;
  /** Other hires (CDI, CDD > 1 month) in the last 12 months. */
  otherHires12m: number;
}

/**
 * One short French sentence a candidate reads next to the company, e.g. "A recruté 4 alternants
 * au cours des 3 dernières années, dont 2 en boulangerie - viennoiserie." Only facts from the
 * data, never the predicted figure (which stays confidential).
 */
export function explain(f: ExplanationFacts): string {
  const job = inSentence(f.jobLabel);
  if (f.contracts3y > 0) {
    const head = `A recruté ${plural(f.contracts3y, "alternant")} au cours des 3 dernières années`;
    if (f.inJob3y !== null && f.inJob3y > 0) return `${head}, dont ${f.inJob3y} en ${job}.`;
    if (f.contracts12m > 0 && f.contracts12m < f.contracts3y)
      return `${head}, dont ${f.contracts12m} au cours des 12 derniers mois.`;
    return `${head}.`;
  }
  if (f.otherHires12m > 0)
    return `A embauché ${plural(f.otherHires12m, "personne")} en CDI ou en CDD de plus d'un mois au cours des 12 derniers mois ; son secteur recrute souvent des alternants en ${job}.`;
  return `Les entreprises de son secteur et de sa taille recrutent souvent des alternants en ${job}.`;
}
