import type { PublicOffer, RomeFiche } from "@tremplin/core";
import { contractLabels, diplomaLabel, durationLabel, type OfferView, startLabel } from "../offer-view.js";
import { effectiveDescription, type OfferFormValues, selectedSkillLabels } from "./offer-form-values.js";

export interface PreviewCompany {
  name: string;
  place: string | null;
  activity: string | null;
  certified: boolean;
}

const noSkills = { savoirFaire: [], savoirEtre: [], savoirs: [] };

function wholeNumber(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * The offer as it will be published, from the form as it is now: the same labels and the same
 * generated text (core's generateOfferDescription) as the public page will show.
 */
export function previewView(
  values: OfferFormValues,
  fiche: RomeFiche | undefined,
  company: PreviewCompany,
  intermediary: PublicOffer["intermediary"],
): OfferView {
  const duration = wholeNumber(values.durationMonths);
  const positions = wholeNumber(values.positions);
  const hasStart = values.startAsap || values.startDate !== "";
  return {
    title: values.title.trim() || values.job?.label || "Choisissez un métier",
    company: { ...company, description: values.companyDescription.trim() || null },
    intermediary,
    start: hasStart ? startLabel(values.startDate, values.startAsap) : "Date de début à préciser",
    contracts: contractLabels(values.contractTypes),
    diploma: diplomaLabel(values.diplomaLevel === "" ? null : Number(values.diplomaLevel)),
    duration: duration === null ? "À préciser" : durationLabel(duration),
    positions: positions ?? 1,
    rhythm: values.rhythm.trim() || null,
    description: effectiveDescription(values, fiche),
    access: fiche?.access || null,
    skills: fiche && values.skills ? selectedSkillLabels(fiche, values.skills) : noSkills,
    disabilityFriendly: values.disabilityFriendly,
    publishedAt: null,
    expiresAt: null,
  };
}
