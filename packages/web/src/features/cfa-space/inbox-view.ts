import type { CfaInboxItem } from "@tremplin/core";

export type InboxFilter = "waiting" | "answered" | "all";

/** A request still waiting for this CFA's answer (and that can still get one). */
export function isWaiting(item: Pick<CfaInboxItem, "answer" | "canAnswer">): boolean {
  return item.answer === null && item.canAnswer;
}

/** The requests of one tab: waiting ones first is the API's order (newest first) kept as is. */
export function filterInbox<T extends Pick<CfaInboxItem, "answer" | "canAnswer">>(
  items: T[],
  filter: InboxFilter,
): T[] {
  if (filter === "waiting") return items.filter(isWaiting);
  if (filter === "answered") return items.filter((item) => item.answer !== null);
  return items;
}

/** « 2 demandes en attente de réponse » for the space's summary. */
export function waitingSummary(waiting: number): string {
  if (waiting === 0) return "Aucune demande en attente de réponse.";
  return waiting === 1 ? "1 demande en attente de réponse" : `${waiting} demandes en attente de réponse`;
}

/**
 * The tab in the address (`?filtre=`), « all » unless another is named: a request answered from the
 * « all » tab stays in view, with what was done.
 */
export function filterFromQuery(value: string | null): InboxFilter {
  return value === "answered" || value === "waiting" ? value : "all";
}
