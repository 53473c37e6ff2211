import { describe, expect, test } from "vitest";
import { displayName, isIntermediary, safeReturnPath, signInPathFor } from "./roles.js";

describe("safeReturnPath", () => {
  test("keeps paths of this site, query included", () => {
    expect(safeReturnPath("/espace")).toBe("/espace");
    expect(safeReturnPath("/opco?statut=certified")).toBe("/opco?statut=certified");
  });

  test("refuses other sites and tricks", () => {
    expect(safeReturnPath("//evil.example/espace")).toBeNull();
    expect(safeReturnPath("/\\evil.example")).toBeNull();
    expect(safeReturnPath("https://evil.example")).toBeNull();
    expect(safeReturnPath("")).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(250)}`)).toBeNull();
  });
});

describe("signInPathFor", () => {
  test("carries the page to come back to", () => {
    expect(signInPathFor("/espace/offres/nouvelle")).toBe("/connexion?retour=%2Fespace%2Foffres%2Fnouvelle");
    expect(signInPathFor("/")).toBe("/connexion");
    expect(signInPathFor("//evil.example")).toBe("/connexion");
  });
});

describe("roles", () => {
  test("intermediaries post for other companies; recruiters and admins do not", () => {
    expect(isIntermediary("cfa")).toBe(true);
    expect(isIntermediary("opco")).toBe(true);
    expect(isIntermediary("chamber")).toBe(true);
    expect(isIntermediary("recruiter")).toBe(false);
    expect(isIntermediary("admin")).toBe(false);
  });

  test("a person is named by first and last name, or by email when staff have none", () => {
    expect(displayName({ firstName: "Camille", lastName: "Martin", email: "c@x.fr" })).toBe("Camille Martin");
    expect(displayName({ firstName: "", lastName: "", email: "c@x.fr" })).toBe("c@x.fr");
  });
});
