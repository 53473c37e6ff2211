import type { AdminCompany } from "./company-edit.js";

type HistoryEvent = AdminCompany["history"][number];

// The actions the server records on a company (company-service, delisting-service, listing-service).
const actionLabels: Record<string, string> = {
  edited: "Modification",
  delisted: "Retrait de la liste",
  listed: "Référencement accepté",
};

/** The event's action in French; an action this page does not know yet is shown as recorded. */
export function historyActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

const codes = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : "");

/**
 * What an edit changed, from its recorded details ({ boost, contact, addRomes, removeRomes,
 * resetRomes }, a listing's { romes }, a delisting's { reason }); details are free-form JSON in the contract, so unknown shapes say nothing.
 */
export function historyDetails(event: Pick<HistoryEvent, "action" | "details">): string {
  const d = event.details;
  if (!d || typeof d !== "object" || Array.isArray(d)) return "";
  const details = d as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof details.boost === "number") parts.push(`mise en avant : ${details.boost} points`);
  if (typeof details.contact === "string") parts.push(`contact ${details.contact}`);
  if (codes(details.addRomes)) parts.push(`métiers ajoutés : ${codes(details.addRomes)}`);
  if (codes(details.removeRomes)) parts.push(`métiers retirés : ${codes(details.removeRomes)}`);
  if (codes(details.resetRomes)) parts.push(`rendus à l'algorithme : ${codes(details.resetRomes)}`);
  if (codes(details.romes)) parts.push(`métiers : ${codes(details.romes)}`);
  if (typeof details.reason === "string") parts.push(`motif : « ${details.reason} »`);
  return parts.join(" · ");
}

/** « Modification par Alex Martin. Métiers retirés : D1102 » : one line per event, after its date. */
export function historyLine(event: Pick<HistoryEvent, "action" | "actor" | "details">): string {
  const details = historyDetails(event);
  const head = `${historyActionLabel(event.action)} par ${event.actor}.`;
  return details ? `${head} ${details.charAt(0).toUpperCase()}${details.slice(1)}.` : head;
}
