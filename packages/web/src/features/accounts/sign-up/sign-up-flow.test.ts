import type { Company } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { ApiError } from "../../../api/client.js";
import {
  checkCompany,
  emptyDraft,
  needsOpcoChoice,
  signUpBody,
  signUpErrorField,
  stepForSignUpError,
} from "./sign-up-flow.js";

const supermarket: Company = {
  siret: "80000100000010",
  siren: "800001000",
  name: "DÉMO SUPÉRETTE DES LILAS",
  brand: "Supérette Démo des Lilas",
  nafCode: "4711D",
  nafLabel: "Supermarchés",
  headcountBand: "02",
  address: { street: "89 PLACE DU PROTOTYPE", postalCode: "76750", city: "Buchy", inseeCode: "76146" },
  lat: 49.5,
  lon: 1.3,
  opco: "L'Opcommerce",
  idcc: 2216,
  trainingOrganisation: false,
};
const cfa: Company = {
  ...supermarket,
  nafCode: "8532Z",
  nafLabel: "Enseignement secondaire technique ou professionnel",
  trainingOrganisation: true,
};
const apiError = (code: string) => new ApiError({ status: 422, code, message: `message ${code}` });

describe("checkCompany", () => {
  test("a company signing up as a company is found", () => {
    expect(checkCompany("company", { company: supermarket })).toEqual({ kind: "found", company: supermarket });
  });

  test("a training organisation is sent to the CFA sign-up, and the reverse", () => {
    expect(checkCompany("company", { company: cfa })).toMatchObject({ kind: "wrongType", expected: "cfa" });
    expect(checkCompany("cfa", { company: supermarket })).toMatchObject({ kind: "wrongType", expected: "company" });
    expect(checkCompany("cfa", { company: cfa })).toMatchObject({ kind: "found" });
  });

  test("a non-diffusible establishment goes on (the person names it); other refusals stop with the API message", () => {
    expect(checkCompany("company", { error: apiError("SIRET_NOT_DIFFUSIBLE") })).toEqual({ kind: "notDiffusible" });
    expect(checkCompany("company", { error: apiError("SIRET_CLOSED") })).toEqual({
      kind: "refused",
      code: "SIRET_CLOSED",
      message: "message SIRET_CLOSED",
    });
  });

  test("rethrows what is not an API answer (a bug is not a refusal)", () => {
    expect(() => checkCompany("company", { error: new TypeError("oops") })).toThrow("oops");
  });
});

describe("signUpBody", () => {
  const draft = {
    ...emptyDraft,
    siret: "800 001 000 00010",
    firstName: "Camille",
    lastName: "Martin",
    email: "camille@example.fr",
    phone: "06 12 34 56 78",
    opco: "akto",
    companyName: "Ma société",
  };

  test("leaves out the OPCO the agreement already gives, and the name the directory gives", () => {
    const check = checkCompany("company", { company: supermarket });
    expect(needsOpcoChoice(check)).toBe(false);
    expect(signUpBody("company", draft, check)).toEqual({
      type: "company",
      siret: "800 001 000 00010",
      firstName: "Camille",
      lastName: "Martin",
      email: "camille@example.fr",
      phone: "06 12 34 56 78",
    });
  });

  test("sends the chosen OPCO when unknown, and the name of a non-diffusible establishment", () => {
    const withoutOpco = checkCompany("company", { company: { ...supermarket, opco: null } });
    expect(signUpBody("company", draft, withoutOpco)).toMatchObject({ opco: "akto" });
    expect(signUpBody("company", draft, withoutOpco)).not.toHaveProperty("companyName");
    const hidden = checkCompany("company", { error: apiError("SIRET_NOT_DIFFUSIBLE") });
    expect(signUpBody("company", draft, hidden)).toMatchObject({ opco: "akto", companyName: "Ma société" });
  });
});

describe("stepForSignUpError", () => {
  test("sends each refusal to the screen that can fix it", () => {
    expect(stepForSignUpError("SIRET_CLOSED", [])).toBe("siret");
    expect(stepForSignUpError("COMPANY_NAME_REQUIRED", [])).toBe("company");
    expect(stepForSignUpError("VALIDATION_ERROR", ["email", "siret"])).toBe("siret");
    expect(stepForSignUpError("VALIDATION_ERROR", ["phone"])).toBe("contact");
    expect(stepForSignUpError("ACCOUNT_ALREADY_EXISTS", [])).toBe("contact");
  });
});

describe("signUpErrorField", () => {
  test("puts each business refusal next to the field it is about", () => {
    expect(signUpErrorField("SIRET_CLOSED")).toBe("siret");
    expect(signUpErrorField("COMPANY_NAME_REQUIRED")).toBe("companyName");
    expect(signUpErrorField("OPCO_UNKNOWN")).toBe("opco");
    expect(signUpErrorField("EMAIL_ROLE_CONFLICT")).toBe("email");
    expect(signUpErrorField("ACCOUNT_ALREADY_EXISTS")).toBeNull();
  });
});
