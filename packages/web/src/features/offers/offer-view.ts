import {
  type ContractType,
  contractTypeLabels,
  diplomaLevelLabels,
  displayName,
  formatFrenchDate,
  type PublicOffer,
  type SkillKind,
  skillKinds,
} from "@tremplin/core";

/**
 * An offer as the page shows it, whatever it comes from: the API (public page) or the form being
 * filled in (live preview). One component renders it, so the preview is the page.
 */
export interface OfferView {
  title: string;
  company: {
    name: string;
    /** « Buchy (76750) » */
    place: string | null;
    activity: string | null;
    description: string | null;
    certified: boolean;
  };
  intermediary: PublicOffer["intermediary"];
  start: string;
  contracts: string[];
  diploma: string;
  duration: string;
  positions: number;
  rhythm: string | null;
  description: string;
  access: string | null;
  skills: Record<SkillKind, string[]>;
  disabilityFriendly: boolean;
  publishedAt: string | null;
  expiresAt: string | null;
}

export const intermediaryKindLabels: Record<NonNullable<PublicOffer["intermediary"]>["kind"], string> = {
  cfa: "le centre de formation",
  opco: "l'OPCO",
  chamber: "la chambre consulaire",
};

/** « Dès que possible », or « À partir du 1er septembre 2026 ». */
export function startLabel(startDate: string | null | undefined, startAsap: boolean): string {
  if (startAsap || !startDate) return "Dès que possible";
  return `À partir du ${formatFrenchDate(startDate)}`;
}

/** The diploma prepared, with its level; null means any level. */
export function diplomaLabel(level: number | null): string {
  if (level === null) return "Indifférent";
  const label = diplomaLevelLabels[level];
  return label ? `${label} (niveau ${level})` : `Niveau ${level}`;
}

/** « 24 mois (2 ans) », « 18 mois (1 an et demi) ». */
export function durationLabel(months: number): string {
  const years = months / 12;
  if (Number.isInteger(years)) return `${months} mois (${years} an${years > 1 ? "s" : ""})`;
  if (Number.isInteger(years * 2)) {
    const whole = Math.floor(years);
    return `${months} mois (${whole} an${whole > 1 ? "s" : ""} et demi)`;
  }
  return `${months} mois`;
}

export function contractLabels(types: readonly ContractType[]): string[] {
  return types.map((type) => contractTypeLabels[type]);
}

/** « Buchy (76750) », the commune alone, or null; a town written in capitals by a register is shown in normal case. */
export function placeLabel(city: string | null | undefined, postalCode: string | null | undefined): string | null {
  if (!city) return null;
  return postalCode ? `${displayName(city)} (${postalCode})` : displayName(city);
}

/** The offer's skills, by kind, in the order the API gives them. */
export function skillLabelsByKind(skills: PublicOffer["skills"]): Record<SkillKind, string[]> {
  const byKind = Object.fromEntries(skillKinds.map((kind) => [kind, [] as string[]])) as Record<SkillKind, string[]>;
  for (const skill of skills) byKind[skill.kind].push(skill.label);
  return byKind;
}

const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "").trim();

/**
 * The skills the offer's text does not already list. A generated text lists every chosen skill
 * (core's generateOfferDescription): repeating them below would say everything twice. A text the
 * recruiter wrote may list none, and then the skills are shown apart.
 */
export function skillsNotInText(skills: Record<SkillKind, string[]>, text: string): Record<SkillKind, string[]> {
  const haystack = comparable(text);
  const missing = (labels: string[]) => labels.filter((label) => !haystack.includes(comparable(label)));
  return {
    savoirFaire: missing(skills.savoirFaire),
    savoirEtre: missing(skills.savoirEtre),
    savoirs: missing(skills.savoirs),
  };
}

/** The public offer from the API, ready to show. */
export function offerViewFromApi(offer: PublicOffer): OfferView {
  return {
    title: offer.title,
    company: {
      // Sirene writes most names in capitals (« BOULANGERIE MARTIN »): shown as « Boulangerie Martin ».
      name: displayName(offer.company.name),
      place: placeLabel(offer.company.city, offer.company.postalCode),
      activity: offer.company.nafLabel,
      description: offer.company.description,
      certified: offer.company.opcoCertified,
    },
    intermediary: offer.intermediary,
    start: startLabel(offer.startDate, offer.startAsap),
    contracts: contractLabels(offer.contractTypes),
    diploma: diplomaLabel(offer.diplomaLevel),
    duration: durationLabel(offer.durationMonths),
    positions: offer.positions,
    rhythm: offer.rhythm,
    description: offer.description,
    access: offer.access || null,
    skills: skillLabelsByKind(offer.skills),
    disabilityFriendly: offer.disabilityFriendly,
    publishedAt: offer.publishedAt,
    expiresAt: offer.expiresAt,
  };
}
