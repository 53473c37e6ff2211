import { type ErrorCode, errorCatalog, errorResponseSchema, type FieldIssue } from "@tremplin/core";

/** Codes the browser produces itself, when no API error body could be read. */
export type ClientErrorCode = "NETWORK_ERROR" | "UNEXPECTED_RESPONSE";

const clientMessages: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: "Impossible de joindre Tremplin. Vérifiez votre connexion internet, puis réessayez.",
  UNEXPECTED_RESPONSE:
    "Le service a renvoyé une réponse inattendue. Merci de réessayer dans quelques instants ; si le problème persiste, signalez-le.",
};

/**
 * Every failed API call becomes one of these. `code` is stable (branch on it), `message` is
 * French and can be shown as is, `details` carries what the server sent (field issues…).
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; details?: unknown; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  /** Field-level problems of a VALIDATION_ERROR, keyed by path (e.g. "siret"), for forms. */
  fieldIssues(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const issues: Record<string, string> = {};
    for (const item of this.details as Partial<FieldIssue>[]) {
      if (typeof item?.path === "string" && typeof item.message === "string" && !(item.path in issues)) {
        issues[item.path] = item.message;
      }
    }
    return issues;
  }
}

/** The network failed before any HTTP answer (offline, DNS, server down). */
export function networkError(cause: unknown): ApiError {
  return new ApiError({ status: 0, code: "NETWORK_ERROR", message: clientMessages.NETWORK_ERROR, cause });
}

/** The server answered 2xx but not with what the contract promises. */
export function unexpectedResponseError(status: number, cause?: unknown): ApiError {
  return new ApiError({ status, code: "UNEXPECTED_RESPONSE", message: clientMessages.UNEXPECTED_RESPONSE, cause });
}

/** A code from the catalogue for statuses that came without the API error shape (proxy pages…). */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 429) return "RATE_LIMITED";
  if (status === 502 || status === 503 || status === 504) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "INTERNAL_ERROR";
  return "MALFORMED_REQUEST";
}

/**
 * Turns a non-2xx answer into an ApiError. The body is the API error shape when the server
 * produced it; anything else (an HTML page from a proxy, an empty body) still yields a French
 * message from the shared error catalogue.
 */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError({ status, code, message, details });
  }
  const code = codeForStatus(status);
  return new ApiError({ status, code, message: errorCatalog[code].message });
}
