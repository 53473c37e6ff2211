/**
 * Who runs this instance of Tremplin: the legal pages name the publisher, the publication director,
 * the data controller and the host. These come from the operator's configuration, served by the API
 * (`GET /api/v1/site-info`); a field the operator has not filled shows a bracketed placeholder that
 * says what is missing, so that an unfinished deployment is obvious rather than plausible.
 */
export interface OperatorIdentity {
  /** The publisher and data controller: a public body, an association, a company. */
  name: string;
  address: string;
  /** SIREN or SIRET, when the publisher has one. */
  registration: string;
  publicationDirector: string;
  /** Where people write about the service, their data or accessibility. */
  contactEmail: string;
  /** The data protection officer (DPO), or the person in charge of personal data. */
  dataProtectionContact: string;
  hostName: string;
  hostAddress: string;
}

export const operatorPlaceholders: OperatorIdentity = {
  name: "[À compléter : nom de l'éditeur]",
  address: "[À compléter : adresse postale de l'éditeur]",
  registration: "[À compléter : numéro SIREN ou SIRET de l'éditeur]",
  publicationDirector: "[À compléter : nom et fonction du directeur ou de la directrice de la publication]",
  contactEmail: "[À compléter : adresse e-mail de contact]",
  dataProtectionContact: "[À compléter : contact du délégué ou de la déléguée à la protection des données]",
  hostName: "[À compléter : nom de l'hébergeur]",
  hostAddress: "[À compléter : adresse de l'hébergeur]",
};

/** The configured fields over the placeholders: an empty or missing field keeps its placeholder. */
export function operatorIdentity(configured: Partial<Record<keyof OperatorIdentity, string | null>>): OperatorIdentity {
  const identity = { ...operatorPlaceholders };
  for (const key of Object.keys(identity) as (keyof OperatorIdentity)[]) {
    const value = configured[key]?.trim();
    if (value) identity[key] = value;
  }
  return identity;
}

/** Whether a value is still a placeholder (shown in a distinct style, and said in the journey). */
export function isPlaceholder(value: string): boolean {
  return value.startsWith("[À compléter");
}
