import { delistingRequestSchema, listingRequestSchema, siretSchema } from "@tremplin/core";
import type { z } from "zod";
import { type FieldErrors, validateWith } from "../../components/forms/field-errors.js";

/**
 * The two requests a company makes about the « entreprises susceptibles de recruter » list. The
 * SIRET is in the address of the API route, not in the body: the forms check it with core's
 * siretSchema alongside the body's schema, so that every problem is said at once.
 */
const delistingFormSchema = delistingRequestSchema.extend({ siret: siretSchema });
const listingFormSchema = listingRequestSchema.extend({ siret: siretSchema });

export interface DelistingDraft {
  siret: string;
  email: string;
  reason: string;
}

export interface ListingJob {
  romeCode: string;
  label: string;
}

export interface ListingDraft {
  siret: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobs: ListingJob[];
  message: string;
}

type Checked<T> = { ok: true; siret: string; body: T } | { ok: false; errors: FieldErrors };

export function checkDelisting(draft: DelistingDraft): Checked<z.output<typeof delistingRequestSchema>> {
  const result = validateWith(delistingFormSchema, draft);
  if (!result.ok) return result;
  const { siret, ...body } = result.data;
  return { ok: true, siret, body };
}

/**
 * The listing form is flat (one field per line); the API wants `contact` nested and ROME codes.
 * Errors come back flat too (« contact.email » → « email »), so that each sits on its field.
 */
export function checkListing(draft: ListingDraft): Checked<z.output<typeof listingRequestSchema>> {
  const result = validateWith(listingFormSchema, {
    siret: draft.siret,
    contact: { firstName: draft.firstName, lastName: draft.lastName, email: draft.email, phone: draft.phone },
    romes: draft.jobs.map((job) => job.romeCode),
    message: draft.message.trim() === "" ? undefined : draft.message,
  });
  if (!result.ok) return { ok: false, errors: flattenContactErrors(result.errors) };
  const { siret, ...body } = result.data;
  return { ok: true, siret, body };
}

/** « contact.email » → « email »: the API's nested paths, on the form's flat fields. */
export function flattenContactErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^contact\./, ""), message]));
}

/** Adds a job once; the API takes 10 at most, so the 11th is not added. */
export function addJob(jobs: readonly ListingJob[], job: ListingJob, max = 10): ListingJob[] {
  if (jobs.some((j) => j.romeCode === job.romeCode) || jobs.length >= max) return [...jobs];
  return [...jobs, job];
}
