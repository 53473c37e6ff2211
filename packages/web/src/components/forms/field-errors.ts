import { ApiError } from "../../api/client.js";

/** Problems of a form, keyed by field path as the API writes it ("email", "companyContact.phone"). */
export type FieldErrors = Record<string, string>;

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The part of a zod schema forms need; keeps this package free of a direct zod import. */
export interface FormSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** One message per field (the first, which is the most basic problem), paths joined with dots. */
export function issuesToFieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** Checks form values against a core schema: the very rule the API applies, in French. */
export function validateWith<T>(schema: FormSchema<T>, value: unknown): Validation<T> {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

/**
 * The fields an API refusal is about: the issues of a VALIDATION_ERROR, or the one field a business
 * error names in its details (`{ field: "startDate" }`), which then carries the error's message.
 */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const issues = error.fieldIssues();
  const details = error.details as { field?: unknown } | null | undefined;
  if (details && typeof details === "object" && !Array.isArray(details) && typeof details.field === "string") {
    issues[details.field] ??= error.message;
  }
  return issues;
}

/** Keeps the errors of the given fields only (a step of a form checks its own fields). */
export function pickErrors(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => fields.some((f) => path === f || path.startsWith(`${f}.`))),
  );
}

/** DSFR input state props for a field: the error state and its message when there is one. */
export function fieldState(message: string | undefined): { state: "error" | "default"; stateRelatedMessage?: string } {
  return message ? { state: "error", stateRelatedMessage: message } : { state: "default" };
}
