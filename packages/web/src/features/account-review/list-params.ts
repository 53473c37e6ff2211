import { accountListQuerySchema } from "@tremplin/core";

export type AccountListStatus = "waiting" | "certified" | "rejected" | "unconfirmed" | "disabled" | "all";

/** The filters of an accounts list, as they live in the page's address (shareable, kept on reload). */
export interface AccountListParams {
  status: AccountListStatus;
  q: string;
  page: number;
}

const statusShape = accountListQuerySchema.shape.status;
const pageShape = accountListQuerySchema.shape.page;

/**
 * Reads « ?statut=certified&q=boulangerie&page=2 » with the API's own query schema; anything it
 * refuses falls back to the default (a hand-edited address never breaks the page).
 */
export function readListParams(
  search: URLSearchParams,
  defaultStatus: AccountListStatus = "waiting",
): AccountListParams {
  const status = statusShape.safeParse(search.get("statut") ?? defaultStatus);
  const page = pageShape.safeParse(search.get("page") ?? 1);
  return {
    status: status.success ? status.data : defaultStatus,
    q: (search.get("q") ?? "").trim().slice(0, 100),
    page: page.success ? page.data : 1,
  };
}

/** The address query for these filters; defaults are left out to keep addresses short. */
export function writeListParams(params: AccountListParams, defaultStatus: AccountListStatus = "waiting"): string {
  const search = new URLSearchParams();
  if (params.status !== defaultStatus) search.set("statut", params.status);
  if (params.q) search.set("q", params.q);
  if (params.page > 1) search.set("page", String(params.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** How many pages a total needs (at least one, so that « page 1 of 1 » reads right). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
