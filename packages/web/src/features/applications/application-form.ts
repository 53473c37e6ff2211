import { applicationFormSchema, cvFileSchema, cvKindFromFileName, errorCatalog } from "@tremplin/core";
import { ApiError } from "../../api/client.js";
import { apiFieldErrors, type FieldErrors, validateWith } from "../../components/forms/field-errors.js";

/** What the candidate types; kept in the page's state so that nothing is lost when sending fails. */
export interface ApplicationValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  message: string;
}

export const emptyApplication: ApplicationValues = { firstName: "", lastName: "", email: "", phone: "", message: "" };

/** Who receives the application: an offer, or a company (spontaneous, where a CV is required). */
export type ApplicationTarget = { offerId: string } | { siret: string };

export const isSpontaneous = (target: ApplicationTarget): target is { siret: string } => "siret" in target;

/**
 * The CV's problem, or undefined: the rules of core (3 MB, PDF or .docx), checked before a possibly
 * slow upload on a phone. The server checks the bytes again.
 */
export function cvProblem(file: File | null, required: boolean): string | undefined {
  if (!file) return required ? errorCatalog.CV_REQUIRED.message : undefined;
  if (cvKindFromFileName(file.name) === null) return errorCatalog.CV_TYPE_NOT_ALLOWED.message;
  if (file.size === 0) return "Ce fichier est vide : choisissez à nouveau votre CV.";
  // Browsers send no type when the system does not know the extension (.docx without Office): the
  // name decided above, so the declared-type rule is checked only when a type was declared.
  const declared = file.type === "" ? new File([file], file.name, { type: "application/octet-stream" }) : file;
  const result = validateWith(cvFileSchema, declared);
  return result.ok ? undefined : Object.values(result.errors)[0];
}

/** Every problem of the form before sending, keyed by field (the API's field names). */
export function validateApplication(values: ApplicationValues, cv: File | null, cvRequired: boolean): FieldErrors {
  const result = validateWith(applicationFormSchema, values);
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  const cvError = cvProblem(cv, cvRequired);
  if (cvError) errors.cv = cvError;
  return errors;
}

/** The multipart body of POST /api/v1/applications: the contract's field names, then the file. */
export function applicationFormData(target: ApplicationTarget, values: ApplicationValues, cv: File | null): FormData {
  const data = new FormData();
  if (isSpontaneous(target)) data.set("siret", target.siret);
  else data.set("offerId", target.offerId);
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  // The file last: the server reads the text fields first as the body streams in.
  if (cv) data.set("cv", cv, cv.name);
  return data;
}

/** Refusals that are about one field, although the API does not name it in their details. */
const fieldOfCode: Record<string, keyof ApplicationValues | "cv"> = {
  CV_REQUIRED: "cv",
  CV_TOO_LARGE: "cv",
  // A proxy in front of the API may refuse a large upload itself, without the API's error body.
  PAYLOAD_TOO_LARGE: "cv",
  CV_TYPE_NOT_ALLOWED: "cv",
  CV_CONTENT_MISMATCH: "cv",
  CV_MACROS_NOT_ALLOWED: "cv",
  EMAIL_DISPOSABLE: "email",
};

/**
 * How a refusal of the whole application is titled: a second application to the same offer is not
 * a failure to fix but something to know (« Vous avez déjà postulé », with the date the API gives).
 */
export function applicationRefusal(error: unknown): { severity: "info" | "error"; title: string } {
  if (error instanceof ApiError && error.code === "ALREADY_APPLIED")
    return { severity: "info", title: "Vous avez déjà postulé à cette offre" };
  return { severity: "error", title: "Votre candidature n'a pas été envoyée" };
}

/** The fields an API refusal is about; empty when it concerns the whole application (limits, closed offer). */
export function applicationErrorFields(error: unknown): FieldErrors {
  const fields = apiFieldErrors(error);
  if (error instanceof ApiError) {
    const field = fieldOfCode[error.code];
    if (field) fields[field] ??= error.message;
  }
  return fields;
}
