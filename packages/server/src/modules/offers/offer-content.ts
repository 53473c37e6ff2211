import {
  type ContactKind,
  contactKindLabels,
  defaultSkills,
  findContactDetail,
  formatFrenchDate,
  generateOfferDescription,
  isStartDateInRange,
  type RomeFiche,
  resolveSkills,
  type SelectedSkills,
  startDateRange,
  stripHtml,
} from "@tremplin/core";
import type { StoredSkill } from "../../db/tables/offers.js";
import { AppError } from "../../lib/app-error.js";
import { getAppellationWithFiche } from "../referential/service.js";
import type { Db } from "./repository.js";

/** The start date must be today or later, and within two years (core's rule, shared with the form). */
export function checkStartDate(startDate: string, now: Date): void {
  if (isStartDateInRange(startDate, now)) return;
  const { min, max } = startDateRange(now);
  throw new AppError("START_DATE_OUT_OF_RANGE", {
    message: `La date de début doit être comprise entre aujourd'hui (${formatFrenchDate(min)}) et dans deux ans (${formatFrenchDate(max)}).`,
    details: { field: "startDate", min, max },
  });
}

/** Strips HTML from a free text and refuses contact details in it (applications go through Tremplin). */
export function cleanFreeText(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = stripHtml(value);
  const kind: ContactKind | null = findContactDetail(text);
  if (kind) {
    throw new AppError("FREE_TEXT_CONTACT_FORBIDDEN", {
      message: `Le champ « ${fieldLabels[field] ?? field} » contient ${contactKindLabels[kind]}. Les candidatures passent par Tremplin, qui vous les transmet : retirez-le.`,
      details: { field, kind },
    });
  }
  return text;
}

const fieldLabels: Record<string, string> = {
  title: "Intitulé",
  description: "Description",
  companyDescription: "Présentation de l'entreprise",
  rhythm: "Rythme de l'alternance",
};

export interface OfferJobContent {
  appellationCode: string;
  appellationLabel: string;
  romeCode: string;
  romeLabel: string;
  romeVersion: string;
  access: string;
  skills: StoredSkill[];
  generatedDescription: string;
  fiche: RomeFiche;
}

/** The job part of an offer from the appellation and chosen skills: consistent with ROME or a clear 422. */
export async function jobContent(
  db: Db,
  appellationCode: string,
  skills: Partial<SelectedSkills> | undefined,
): Promise<OfferJobContent> {
  const found = await getAppellationWithFiche(db, appellationCode);
  if (!found) {
    throw new AppError("APPELLATION_UNKNOWN", { details: { field: "appellationCode", value: appellationCode } });
  }
  const { appellation, fiche } = found;
  const selected: SelectedSkills = skills
    ? { savoirFaire: skills.savoirFaire ?? [], savoirEtre: skills.savoirEtre ?? [], savoirs: skills.savoirs ?? [] }
    : defaultSkills(fiche);
  const { resolved, unknown } = resolveSkills(fiche, selected);
  if (unknown.length > 0) {
    throw new AppError("SKILL_NOT_IN_ROME", {
      message: `${unknown.length > 1 ? "Ces compétences n'appartiennent" : "Cette compétence n'appartient"} pas à la fiche ROME ${fiche.romeCode} (${fiche.label}) : ${unknown.join(", ")}.`,
      details: { field: "skills", unknown, romeCode: fiche.romeCode },
    });
  }
  return {
    appellationCode: appellation.code_ogr,
    appellationLabel: appellation.label,
    romeCode: fiche.romeCode,
    romeLabel: fiche.label,
    romeVersion: fiche.romeVersion,
    access: fiche.access,
    skills: (["savoirFaire", "savoirEtre", "savoirs"] as const).flatMap((kind) =>
      resolved[kind].map((s) => ({ code: s.code, label: s.label, kind })),
    ),
    generatedDescription: generateOfferDescription(fiche, selected),
    fiche,
  };
}

/**
 * Whether an offer's text is still the one generated from its job and skills (the recruiter never
 * rewrote it): then a change of skills may regenerate it without losing anyone's words.
 */
export function isGeneratedDescription(
  description: string,
  fiche: RomeFiche,
  storedSkills: ReadonlyArray<{ code: string; kind: keyof SelectedSkills }>,
): boolean {
  const selected: SelectedSkills = { savoirFaire: [], savoirEtre: [], savoirs: [] };
  for (const skill of storedSkills) selected[skill.kind].push(skill.code);
  return description === generateOfferDescription(fiche, selected);
}
