import { type ErrorCode, errorCatalog } from "@tremplin/core";

/**
 * The one error type services throw. The error handler turns it into
 * `{ error: { code, message, details } }` with the catalogue's status.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    const entry = errorCatalog[code];
    super(options.message ?? entry.message);
    this.code = code;
    this.status = entry.status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (message?: string) => new AppError("NOT_FOUND", message ? { message } : {});
