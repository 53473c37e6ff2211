import {
  type ApplicationStatus,
  applicationStatuses,
  canRecruiterSet,
  type RecruiterStatus,
  recruiterStatuses,
} from "@tremplin/core";

/** What the recruiter does, in their words (the status labels are the candidate's). */
export const statusActionLabels: Record<RecruiterStatus, string> = {
  seen: "Vue, en cours d'examen",
  interview: "Entretien proposé",
  refused: "Refusée",
  hired: "Embauché(e)",
};

/** The tabs of the inbox, one per status, worded as a list heading. */
export const statusFilterLabels: Record<ApplicationStatus, string> = {
  new: "Nouvelles",
  seen: "En cours d'examen",
  interview: "Entretien",
  refused: "Refusées",
  hired: "Embauchés",
  withdrawn: "Retirées",
};

/** The statuses an application can move to from here (core's rule: forward only, never after a final one). */
export function nextStatuses(status: ApplicationStatus): RecruiterStatus[] {
  return recruiterStatuses.filter((to) => canRecruiterSet(status, to));
}

export interface InboxFilters {
  status?: ApplicationStatus | undefined;
  offerId?: string | undefined;
  kind?: "offer" | "company" | undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in the address (?statut=&offre=&type=), anything unknown dropped. */
export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const status = search.get("statut");
  const offerId = search.get("offre");
  const kind = search.get("type");
  return {
    status: applicationStatuses.find((s) => s === status),
    offerId: offerId && uuid.test(offerId) ? offerId : undefined,
    kind: kind === "offer" || kind === "company" ? kind : undefined,
  };
}

/** The address's query for these filters (empty ones left out). */
export function searchFromFilters(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set("statut", filters.status);
  if (filters.offerId) search.set("offre", filters.offerId);
  if (filters.kind) search.set("type", filters.kind);
  return search;
}
