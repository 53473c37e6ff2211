import { parisDay } from "./french-dates.js";

/**
 * Offer lifecycle: active for OFFER_TTL_DAYS after publication, reminded OFFER_REMINDER_DAYS before
 * expiry, extendable, then expired. Pending offers (account not confirmed, or rejected) are hidden.
 */
export const offerStatuses = ["active", "pending", "filled", "cancelled", "expired"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const offerStatusLabels: Record<OfferStatus, string> = {
  active: "En ligne",
  pending: "En attente (compte à confirmer ou non validé)",
  filled: "Pourvue",
  cancelled: "Annulée",
  expired: "Expirée",
};

const DAY_MS = 86_400_000;

export function expiryFrom(publishedAt: Date, ttlDays: number): Date {
  return new Date(publishedAt.getTime() + ttlDays * DAY_MS);
}

/**
 * Which reminder is due now, if any: the smallest "days before expiry" whose moment has come (at J-1
 * only the last call is sent, not the J-7 one missed meanwhile). Null before the first reminder and
 * after expiry.
 */
export function dueReminder(now: Date, expiresAt: Date, reminderDays: readonly number[]): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const due = [...reminderDays].sort((a, b) => a - b).find((days) => left <= days * DAY_MS);
  return due ?? null;
}

/** Actions a recruiter may take from an email, without signing in. */
export const offerEmailActions = ["extend", "filled", "cancel"] as const;
export type OfferEmailAction = (typeof offerEmailActions)[number];

/** Whether an action applies to an offer in this status (extend also revives an expired offer). */
export function canApplyEmailAction(status: OfferStatus, action: OfferEmailAction): boolean {
  if (action === "extend") return status === "active" || status === "expired";
  return status === "active" || status === "expired" || status === "pending";
}

/**
 * Whether « Prolonger » would give the offer a later end date than it has: extending sets the expiry
 * to `now + ttlDays`, so an offer published a moment ago would be « extended » to the day it already
 * ends on. Compared as calendar days in Paris, the dates people read. An expired offer is revived.
 */
export function extensionMovesExpiry(
  status: OfferStatus,
  expiresAt: Date | string | null,
  now: Date,
  ttlDays: number,
): boolean {
  if (!canApplyEmailAction(status, "extend")) return false;
  if (status === "expired" || expiresAt === null) return true;
  return parisDay(expiryFrom(now, ttlDays)) > parisDay(new Date(expiresAt));
}
