import { errorCatalog } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { ApiError, errorFromResponse } from "./api-error.js";

describe("errorFromResponse", () => {
  test("keeps code, message and details of the API error shape", () => {
    const details = [{ path: "q", message: "Saisissez au moins 2 caractères." }];
    const error = errorFromResponse(400, {
      error: { code: "VALIDATION_ERROR", message: "Certaines informations envoyées sont invalides.", details },
    });
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_ERROR", details });
    expect(error.fieldIssues()).toEqual({ q: "Saisissez au moins 2 caractères." });
  });

  test.each([
    [401, "UNAUTHENTICATED"],
    [404, "NOT_FOUND"],
    [429, "RATE_LIMITED"],
    [500, "INTERNAL_ERROR"],
    [503, "SERVICE_UNAVAILABLE"],
    [418, "MALFORMED_REQUEST"],
  ] as const)("gives a %i without the API shape the catalogue's %s message", (status, code) => {
    const error = errorFromResponse(status, undefined);
    expect(error.code).toBe(code);
    expect(error.message).toBe(errorCatalog[code].message);
  });
});

describe("ApiError.fieldIssues", () => {
  test("keeps the first message of each field and ignores what is not a field issue", () => {
    const error = new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "…",
      details: [{ path: "siret", message: "premier" }, { path: "siret", message: "second" }, { oops: true }, null],
    });
    expect(error.fieldIssues()).toEqual({ siret: "premier" });
    expect(new ApiError({ status: 404, code: "NOT_FOUND", message: "…" }).fieldIssues()).toEqual({});
  });
});
