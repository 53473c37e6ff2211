import { contracts, signUpSchema } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { ApiError } from "../../api/client.js";
import { apiFieldErrors, issuesToFieldErrors, pickErrors, validateWith } from "./field-errors.js";

describe("validateWith", () => {
  test("gives the core schema's French messages per field", () => {
    const result = validateWith(signUpSchema.pick({ email: true, phone: true }), { email: "camille@", phone: "12" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.email).toMatch(/adresse e-mail valide/);
    expect(result.errors.phone).toMatch(/10 chiffres/);
  });

  test("returns the parsed data (trimmed, lower-cased) when valid", () => {
    const result = validateWith(signUpSchema.pick({ email: true }), { email: "  Camille@Example.FR " });
    expect(result).toEqual({ ok: true, data: { email: "camille@example.fr" } });
  });

  test("joins nested paths with dots and keeps the first message of each field", () => {
    expect(
      issuesToFieldErrors([
        { path: ["companyContact", "email"], message: "premier" },
        { path: ["companyContact", "email"], message: "second" },
        { path: [], message: "formulaire" },
      ]),
    ).toEqual({ "companyContact.email": "premier", "": "formulaire" });
  });

  test("validates a contract's body the same way", () => {
    const body = contracts.accounts.rejectAccount.body;
    const result = validateWith(body, { reason: "non" });
    expect(result.ok ? {} : result.errors).toEqual({
      reason: "Expliquez le motif en quelques mots (5 caractères au moins).",
    });
  });
});

describe("apiFieldErrors", () => {
  test("maps a VALIDATION_ERROR's issues to fields", () => {
    const error = new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "…",
      details: [{ path: "companyContact.phone", message: "Numéro invalide." }],
    });
    expect(apiFieldErrors(error)).toEqual({ "companyContact.phone": "Numéro invalide." });
  });

  test("puts a business error on the field its details name", () => {
    const error = new ApiError({
      status: 422,
      code: "START_DATE_OUT_OF_RANGE",
      message: "La date de début doit être comprise entre aujourd'hui et dans deux ans.",
      details: { field: "startDate", min: "2026-05-01" },
    });
    expect(apiFieldErrors(error)).toEqual({ startDate: error.message });
  });

  test("is empty for other errors and for what is not an ApiError", () => {
    expect(apiFieldErrors(new ApiError({ status: 409, code: "ACCOUNT_ALREADY_EXISTS", message: "…" }))).toEqual({});
    expect(apiFieldErrors(new Error("boom"))).toEqual({});
  });
});

describe("pickErrors", () => {
  test("keeps a step's fields and their sub-fields", () => {
    const errors = { siret: "a", email: "b", "companyContact.email": "c", companyContactX: "d" };
    expect(pickErrors(errors, ["siret", "companyContact"])).toEqual({ siret: "a", "companyContact.email": "c" });
  });
});
