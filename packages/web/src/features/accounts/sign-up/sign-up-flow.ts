import type { AccountType, Company, SignUpInput } from "@tremplin/core";
import { ApiError } from "../../../api/client.js";

/** The three screens of the sign-up, in order; the « check your inbox » page comes after. */
export const signUpSteps = ["siret", "company", "contact"] as const;
export type SignUpStep = (typeof signUpSteps)[number];

export const stepTitles: Record<SignUpStep, string> = {
  siret: "Votre numéro SIRET",
  company: "Votre établissement",
  contact: "Vos coordonnées",
};

/** What the SIRET look-up means for the sign-up. */
export type CompanyCheck =
  /** An establishment to confirm. */
  | { kind: "found"; company: Company }
  /** Exists but its data is not public: the person names the company. */
  | { kind: "notDiffusible" }
  /** A training organisation signing up as a company, or the reverse: the other sign-up is the way. */
  | { kind: "wrongType"; company: Company; expected: AccountType }
  /** Unknown, closed, invalid… : the SIRET step shows the API's message. */
  | { kind: "refused"; code: string; message: string };

/** Reads the answer of GET /companies/:siret for a sign-up of `type`. */
export function checkCompany(type: AccountType, outcome: { company: Company } | { error: unknown }): CompanyCheck {
  if ("error" in outcome) {
    const { error } = outcome;
    if (error instanceof ApiError && error.code === "SIRET_NOT_DIFFUSIBLE") return { kind: "notDiffusible" };
    if (error instanceof ApiError) return { kind: "refused", code: error.code, message: error.message };
    throw error;
  }
  const { company } = outcome;
  const training = company.trainingOrganisation;
  if (type === "company" && training) return { kind: "wrongType", company, expected: "cfa" };
  if (type === "cfa" && !training) return { kind: "wrongType", company, expected: "company" };
  return { kind: "found", company };
}

/** The name people know the establishment by: its sign (enseigne) when it has one. */
export function companyDisplayName(company: Pick<Company, "brand" | "name">): string {
  return company.brand ?? company.name;
}

/** The OPCO is asked when the collective agreement does not tell it (or nothing can be read). */
export function needsOpcoChoice(check: CompanyCheck): boolean {
  return (check.kind === "found" && check.company.opco === null) || check.kind === "notDiffusible";
}

export interface SignUpDraft {
  siret: string;
  companyName: string;
  /** An OPCO id, « unknown » (je ne sais pas), or "" before a choice. */
  opco: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export const emptyDraft: SignUpDraft = {
  siret: "",
  companyName: "",
  opco: "",
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
};

/** The body of POST /accounts: the company name and OPCO only when the person was asked for them. */
export function signUpBody(type: AccountType, draft: SignUpDraft, check: CompanyCheck): SignUpInput {
  return {
    type,
    siret: draft.siret,
    firstName: draft.firstName,
    lastName: draft.lastName,
    email: draft.email,
    phone: draft.phone,
    ...(needsOpcoChoice(check) && draft.opco ? { opco: draft.opco } : {}),
    ...(check.kind === "notDiffusible" ? { companyName: draft.companyName } : {}),
  };
}

const stepOfField: Record<string, SignUpStep> = {
  type: "siret",
  siret: "siret",
  companyName: "company",
  opco: "company",
};

/** The field a business refusal of the sign-up is about (its message is shown there), or null. */
export function signUpErrorField(code: string): "siret" | "companyName" | "opco" | "email" | null {
  if (code.startsWith("SIRET_")) return "siret";
  if (code === "COMPANY_NAME_REQUIRED") return "companyName";
  if (code === "OPCO_UNKNOWN") return "opco";
  if (code === "EMAIL_ROLE_CONFLICT") return "email";
  return null;
}

/** The screen that can fix a refused sign-up: the SIRET's, the company's, or the contact's (default). */
export function stepForSignUpError(code: string, fields: readonly string[]): SignUpStep {
  if (code.startsWith("SIRET_")) return "siret";
  if (code === "COMPANY_NAME_REQUIRED" || code === "OPCO_UNKNOWN") return "company";
  const steps = fields.map((field) => stepOfField[field] ?? "contact");
  return signUpSteps.find((step) => steps.includes(step)) ?? "contact";
}
