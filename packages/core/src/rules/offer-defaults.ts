import type { ContractType } from "../schemas/offer.js";
import { OFFER_LIMITS } from "../schemas/offer.js";
import { addYearsToCalendarDate, parisDay } from "./french-dates.js";

/** What an offer says when the recruiter leaves an optional field empty (the form shows the same). */
export const OFFER_DEFAULTS: {
  contractTypes: ContractType[];
  durationMonths: number;
  positions: number;
  diplomaLevel: null;
  disabilityFriendly: boolean;
} = {
  contractTypes: ["apprentissage"],
  durationMonths: 24,
  positions: 1,
  diplomaLevel: null,
  disabilityFriendly: false,
};

/** The start dates accepted at `now`: from today (Paris) to the same day two years ahead, "YYYY-MM-DD". */
export function startDateRange(now: Date): { min: string; max: string } {
  const min = parisDay(now);
  return { min, max: addYearsToCalendarDate(min, OFFER_LIMITS.startWithinYears) };
}

export function isStartDateInRange(startDate: string, now: Date): boolean {
  const { min, max } = startDateRange(now);
  return startDate >= min && startDate <= max;
}
