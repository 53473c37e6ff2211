import { describe, expect, test } from "vitest";
import { addJob, checkDelisting, checkListing, type ListingDraft } from "./listing-forms.js";

// A SIRET with a valid Luhn checksum (the one core's examples use).
const siret = "356 000 000 00048";

const listing: ListingDraft = {
  siret,
  firstName: "Dominique",
  lastName: "Leroy",
  email: "rh@boulangerie.example",
  phone: "04 78 00 00 00",
  jobs: [{ romeCode: "D1102", label: "Boulangerie - viennoiserie" }],
  message: "",
};

describe("delisting form", () => {
  test("the SIRET is compacted and taken out of the body", () => {
    expect(checkDelisting({ siret, email: " RH@Example.fr ", reason: "Nous ne recrutons pas." })).toEqual({
      ok: true,
      siret: "35600000000048",
      body: { email: "rh@example.fr", reason: "Nous ne recrutons pas." },
    });
  });

  test("every problem is said at once: SIRET checksum, address, reason", () => {
    const result = checkDelisting({ siret: "35600000000049", email: "rh@", reason: "" });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["email", "reason", "siret"]);
    expect(result.ok ? "" : result.errors.siret).toMatch(/erreur de saisie/);
  });
});

describe("listing form", () => {
  test("the contact is nested and the jobs become ROME codes; an empty message is left out", () => {
    expect(checkListing(listing)).toEqual({
      ok: true,
      siret: "35600000000048",
      body: {
        contact: { firstName: "Dominique", lastName: "Leroy", email: "rh@boulangerie.example", phone: "0478000000" },
        romes: ["D1102"],
      },
    });
  });

  test("contact errors land on the flat fields; no job is an error on « romes »", () => {
    const result = checkListing({ ...listing, email: "x", jobs: [] });
    expect(result.ok ? {} : result.errors).toEqual({
      email: expect.stringMatching(/adresse e-mail valide/),
      romes: "Choisissez au moins un métier.",
    });
  });

  test("a job is added once, and not beyond the maximum", () => {
    const one = [{ romeCode: "D1102", label: "Boulangerie" }];
    expect(addJob(one, { romeCode: "D1102", label: "Boulangerie" })).toHaveLength(1);
    expect(addJob(one, { romeCode: "D1104", label: "Pâtisserie" })).toHaveLength(2);
    expect(addJob(one, { romeCode: "D1104", label: "Pâtisserie" }, 1)).toHaveLength(1);
  });
});
