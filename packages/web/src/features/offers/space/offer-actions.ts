import { canApplyEmailAction, formatFrenchDate, type OfferStatus, type OwnerOffer } from "@tremplin/core";
import type { OfferAction } from "./use-my-offers.js";

/**
 * The lifecycle actions an offer accepts (core's rule, the one the API applies). « Prolonger » only
 * when it would move the end date (the API's `canExtend`): not on an offer published this morning.
 */
export function availableActions({ status, canExtend }: Pick<OwnerOffer, "status" | "canExtend">): OfferAction[] {
  const actions: OfferAction[] = [];
  if (canExtend) actions.push("extend");
  if (canApplyEmailAction(status, "filled")) actions.push("fill");
  if (canApplyEmailAction(status, "cancel")) actions.push("cancel");
  return actions;
}

/** « Dupliquer » opens the new-offer form filled with this offer: nothing is published before it is checked. */
export function duplicatePath(offerId: string): string {
  return `/espace/offres/nouvelle?copie=${encodeURIComponent(offerId)}`;
}

/** A filled or cancelled offer is over: the API refuses edits, a duplicate starts a new one. */
export function canEdit(status: OfferStatus): boolean {
  return status !== "filled" && status !== "cancelled";
}

export const actionLabels: Record<OfferAction, string> = {
  extend: "Prolonger",
  fill: "Clôturer l'offre",
  cancel: "Annuler l'offre",
};

/** Actions that take the offer offline ask first. */
export const confirmations: Partial<Record<OfferAction, { title: string; text: string; confirm: string }>> = {
  fill: {
    title: "Votre offre est pourvue ?",
    text: "Elle ne sera plus visible des candidats. Vous pourrez la dupliquer pour recruter à nouveau.",
    confirm: "Oui, l'offre est pourvue",
  },
  cancel: {
    title: "Annuler cette offre ?",
    text: "Elle ne sera plus visible des candidats et ne pourra plus être modifiée. Vous pourrez la dupliquer.",
    confirm: "Oui, annuler l'offre",
  },
};

/** What the person reads once an action is done. */
export function actionDoneMessage(action: OfferAction, title: string, expiresAt: string | null): string {
  switch (action) {
    case "extend":
      return expiresAt
        ? `L'offre « ${title} » est prolongée : elle reste en ligne jusqu'au ${formatFrenchDate(expiresAt)}.`
        : `L'offre « ${title} » est prolongée.`;
    case "fill":
      return `L'offre « ${title} » est marquée comme pourvue. Félicitations !`;
    case "cancel":
      return `L'offre « ${title} » est annulée.`;
  }
}
