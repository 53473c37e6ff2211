import {
  type ContactKind,
  contactKindLabels,
  defaultSkills,
  findContactDetail,
  generateOfferDescription,
  OFFER_LIMITS,
  type RomeFiche,
  resolveSkills,
  type SelectedSkills,
  stripHtml,
} from "@tremplin/core";
import type { StoredSkill } from "../../db/tables/offers.js";
import { AppError } from "../../http/app-error.js";
import { getAppellationWithFiche } from "../referential/service.js";
import type { Db } from "./repository.js";

const DAY_MS = 86_400_000;

/** Today's date in Paris, "YYYY-MM-DD". */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The start date must be today or later, and within two years. */
export function checkStartDate(startDate: string, now: Date): void {
  const today = parisToday(now);
  const limit = parisToday(new Date(now.getTime() + OFFER_LIMITS.startWithinYears * 366 * DAY_MS));
  if (startDate < today || startDate > limit) {
    throw new AppError("START_DATE_OUT_OF_RANGE", {
      message: `La date de début doit être comprise entre aujourd'hui (${today}) et dans deux ans (${limit}).`,
      details: { field: "startDate", min: today, max: limit },
    });
  }
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
