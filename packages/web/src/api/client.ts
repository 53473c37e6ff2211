import { type RouteContract, type RouteOutput, successStatus } from "@tremplin/core";
import { errorFromResponse, networkError, unexpectedResponseError } from "./api-error.js";
import { type CallInput, prepareRequest } from "./request.js";

export { ApiError } from "./api-error.js";
export type { CallInput } from "./request.js";

/** The input may be left out when the contract needs nothing (no params, no required query/body). */
type InputArgs<C extends RouteContract> = object extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

type ResponseSchema = NonNullable<RouteContract["responses"][200]>;

/** True when an error is a cancelled request (nobody needs to hear about it). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls one API route described by a core contract and returns its parsed success body.
 * Throws an ApiError (stable code, French message) for every failure except an abort, which is
 * rethrown as is so that callers (React Query, the autocomplete) can ignore stale requests.
 */
export async function callApi<C extends RouteContract>(contract: C, ...[input]: InputArgs<C>): Promise<RouteOutput<C>> {
  const request = prepareRequest(contract, (input ?? {}) as CallInput<C>);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Sessions are same-origin cookies; the API is never called cross-origin from the app.
      credentials: "same-origin",
      signal: input?.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError(error);
  }

  let body: unknown;
  try {
    body = await readJson(response);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError(error);
  }
  if (!response.ok) throw errorFromResponse(response.status, body);

  const status = successStatus(contract);
  const schema = (contract.responses as Record<number, ResponseSchema | undefined>)[status];
  if (status === 204 || schema === undefined) return undefined as RouteOutput<C>;
  // Parsing gives the types their truth (defaults, transforms) and catches a server that drifted.
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpectedResponseError(response.status, parsed.error);
  return parsed.data as RouteOutput<C>;
}
