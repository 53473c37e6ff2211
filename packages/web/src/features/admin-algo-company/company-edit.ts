import { type CompanyOverrideInput, companyOverrideSchema, type contracts, type RouteOutput } from "@tremplin/core";

export type AdminCompany = RouteOutput<typeof contracts.algoCompanies.getAdminCompany>;
export type CompanyChange = CompanyOverrideInput;
export type ExposedJob = AdminCompany["jobs"][number];

/** Where an exposed job comes from, in the admin's words. */
export const jobSourceLabels: Record<ExposedJob["source"], string> = {
  algorithm: "Prédit par l'algorithme",
  listing: "Demande de référencement",
  admin: "Ajouté par l'administration",
};

/** A job picked in the autocomplete, to be added (ROME code and the label to show meanwhile). */
export interface PickedJob {
  romeCode: string;
  label: string;
}

/**
 * The jobs form as the admin leaves it before saving: exposed jobs ticked for removal, jobs picked
 * to be added, jobs removed earlier ticked to be given back to the algorithm.
 */
export interface JobsDraft {
  remove: string[];
  add: PickedJob[];
  reset: string[];
}

export const emptyJobsDraft: JobsDraft = { remove: [], add: [], reset: [] };

// The contract's own limit on jobs added at once, so that the form refuses before the API does.
const addedRomesSchema = companyOverrideSchema.shape.addRomes;

/** Ticks or unticks a code in a list (the checkboxes of the form). */
export function toggle(codes: readonly string[], code: string, on: boolean): string[] {
  const rest = codes.filter((c) => c !== code);
  return on ? [...rest, code] : rest;
}

export type AddJobOutcome = { ok: true; draft: JobsDraft } | { ok: false; message: string };

/**
 * Adds a picked job. A job already exposed is not added twice; if it was ticked for removal, the
 * pick unticks it instead (the admin changed their mind). ROME 4.0 fiche codes are resolved to their
 * classic parent by the server, so two picks may still land on one job: the server keeps one.
 */
export function addPickedJob(draft: JobsDraft, job: PickedJob, exposed: readonly ExposedJob[]): AddJobOutcome {
  if (exposed.some((j) => j.romeCode === job.romeCode)) {
    if (draft.remove.includes(job.romeCode))
      return { ok: true, draft: { ...draft, remove: toggle(draft.remove, job.romeCode, false) } };
    return { ok: false, message: `« ${job.label} » est déjà un métier de l'entreprise.` };
  }
  if (draft.add.some((j) => j.romeCode === job.romeCode)) return { ok: true, draft };
  const add = [...draft.add, job];
  if (!addedRomesSchema.safeParse(add.map((j) => j.romeCode)).success) {
    return { ok: false, message: "Vous ajoutez déjà le nombre maximal de métiers : enregistrez, puis continuez." };
  }
  return { ok: true, draft: { ...draft, add } };
}

/** The PATCH body for the jobs form, only the lists that changed; null when nothing did. */
export function jobsChange(draft: JobsDraft): CompanyChange | null {
  const change: CompanyChange = {
    ...(draft.add.length ? { addRomes: draft.add.map((j) => j.romeCode) } : {}),
    ...(draft.remove.length ? { removeRomes: draft.remove } : {}),
    ...(draft.reset.length ? { resetRomes: draft.reset } : {}),
  };
  return Object.keys(change).length ? change : null;
}

/** « 2 métiers retirés, 1 métier ajouté » for the confirmation of a save. */
export function jobsSavedMessage(draft: JobsDraft): string {
  const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const parts = [
    draft.remove.length ? count(draft.remove.length, "métier retiré", "métiers retirés") : "",
    draft.add.length ? count(draft.add.length, "métier ajouté", "métiers ajoutés") : "",
    draft.reset.length ? count(draft.reset.length, "métier rendu à l'algorithme", "métiers rendus à l'algorithme") : "",
  ].filter(Boolean);
  return `Enregistré : ${parts.join(", ")}. Les candidats voient déjà ce changement.`;
}

const boostSchema = companyOverrideSchema.pick({ boost: true }).required();

/** The boost field (text, French decimal comma accepted) checked with the contract's 0–50 rule. */
export function parseBoost(text: string): { ok: true; boost: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(",", ".");
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) {
    return { ok: false, message: "Indiquez un nombre de points entre 0 et 50 (0 : aucune mise en avant)." };
  }
  const parsed = boostSchema.safeParse({ boost: value });
  if (!parsed.success) return { ok: false, message: "La mise en avant va de 0 à 50 points." };
  return { ok: true, boost: parsed.data.boost };
}
