import { buildPath, type RouteContract, type RouteInput } from "@tremplin/core";

type KeysWhereUndefinedFits<T> = { [K in keyof T]: undefined extends T[K] ? K : never }[keyof T];

/**
 * What callApi accepts for a contract: `params`, `query` and `body` as the contract declares them
 * (a part the contract does not declare, or that is all-optional, may be left out), plus an
 * AbortSignal to cancel a stale request.
 */
export type CallInput<C extends RouteContract> = Omit<RouteInput<C>, KeysWhereUndefinedFits<RouteInput<C>>> &
  Partial<Pick<RouteInput<C>, KeysWhereUndefinedFits<RouteInput<C>>>> & { signal?: AbortSignal };

export interface PreparedRequest {
  method: RouteContract["method"];
  /** Path and query string, same-origin (the app and the API are served together). */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function appendQueryValue(search: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendQueryValue(search, key, item);
    return;
  }
  if (value instanceof Date) {
    search.append(key, value.toISOString());
    return;
  }
  if (typeof value === "object") throw new Error(`Query parameter ${key} cannot be an object`);
  search.append(key, String(value));
}

/** Serialises a query object: arrays repeat the key, dates are ISO 8601, absent values are left out. */
export function toQueryString(query: unknown): string {
  if (query === undefined || query === null) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) appendQueryValue(search, key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Everything fetch needs for one call, derived from the contract alone: no hand-written URL. */
export function prepareRequest<C extends RouteContract>(contract: C, input: CallInput<C>): PreparedRequest {
  const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
  const path = buildPath(contract.path, params as Record<string, string | number> | undefined);
  const headers: Record<string, string> = { accept: "application/json" };
  const prepared: PreparedRequest = { method: contract.method, url: `${path}${toQueryString(query)}`, headers };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    prepared.body = JSON.stringify(body);
  }
  return prepared;
}
