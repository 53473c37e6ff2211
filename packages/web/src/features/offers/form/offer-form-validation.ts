import { type CreateOfferInput, createOfferSchema, updateOfferSchema } from "@tremplin/core";
import { apiFieldErrors, type FieldErrors, validateWith } from "../../../components/forms/field-errors.js";
import {
  type OfferFormValues,
  type PosterNeeds,
  toCreateOfferInput,
  type UpdateOfferBody,
} from "./offer-form-values.js";

/** Form fields, as the form names them (the API's paths are mapped onto these). */
export type OfferField =
  | "siret"
  | "job"
  | "start"
  | "contractTypes"
  | "diplomaLevel"
  | "durationMonths"
  | "positions"
  | "rhythm"
  | "title"
  | "skills"
  | "description"
  | "disabilityFriendly"
  | "companyDescription"
  | "contact.firstName"
  | "contact.lastName"
  | "contact.email"
  | "contact.phone";

const missingStart = "Indiquez la date de début du contrat, ou cochez « Dès que possible ».";

/** The form field an API or schema path is about ("companyContact.email" → "contact.email"). */
export function formFieldOf(path: string): string {
  if (path === "appellationCode") return "job";
  if (path === "startDate" || path === "startAsap") return "start";
  if (path.startsWith("companyContact.")) return `contact.${path.slice("companyContact.".length)}`;
  if (path === "companyContact") return "contact.firstName";
  if (path.startsWith("skills")) return "skills";
  return path;
}

/** The error keys a change of this value clears ("contact" → its four fields, "startAsap" → "start"). */
export function formFieldsOf(valueKey: string): string[] {
  if (valueKey === "contact") return ["contact.firstName", "contact.lastName", "contact.email", "contact.phone"];
  if (valueKey === "startDate" || valueKey === "startAsap") return ["start"];
  return [valueKey];
}

/** API/schema errors keyed by form field; the start's message speaks of the form, not of the API's fields. */
export function toFormErrors(
  errors: FieldErrors,
  values: Pick<OfferFormValues, "startDate" | "startAsap">,
): FieldErrors {
  const formErrors: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = formFieldOf(path);
    formErrors[field] ??= field === "start" && !values.startDate && !values.startAsap ? missingStart : message;
  }
  return formErrors;
}

/** Checks a new offer with core's createOfferSchema: the API's own rules, in French. */
export function validateNewOffer(
  values: OfferFormValues,
  needs: PosterNeeds,
): { ok: true; body: CreateOfferInput } | { ok: false; errors: FieldErrors } {
  const body = toCreateOfferInput(values, needs);
  const result = validateWith(createOfferSchema, body);
  return result.ok ? { ok: true, body } : { ok: false, errors: toFormErrors(result.errors, values) };
}

/** Checks the changes of an edit with core's updateOfferSchema. */
export function validateOfferChanges(
  body: UpdateOfferBody,
  values: OfferFormValues,
): { ok: true; body: UpdateOfferBody } | { ok: false; errors: FieldErrors } {
  const result = validateWith(updateOfferSchema, body);
  return result.ok ? { ok: true, body } : { ok: false, errors: toFormErrors(result.errors, values) };
}

/**
 * The form fields an API refusal is about: validation issues and business errors that name their
 * field, plus the company ones (SIRET_*, contact) that only an intermediary's fields can fix.
 */
export function offerApiErrors(
  error: unknown,
  values: Pick<OfferFormValues, "startDate" | "startAsap">,
  needs: PosterNeeds,
): FieldErrors {
  const errors = toFormErrors(apiFieldErrors(error), values);
  const { code, message } = error as { code?: string; message?: string };
  if (!code || !message) return errors;
  if (needs.siret && (code.startsWith("SIRET_") || code === "NOT_YOUR_COMPANY")) errors.siret ??= message;
  if (needs.companyContact && code === "COMPANY_CONTACT_REQUIRED") errors["contact.firstName"] ??= message;
  return errors;
}
