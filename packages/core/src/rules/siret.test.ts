import { describe, expect, it } from "vitest";
import { siretSchema } from "../schemas/company.js";
import { isTrainingOrganisationNaf, normalizeNafCode } from "./company.js";
import {
  compactIdentifier,
  formatSiret,
  isLuhnValid,
  isValidSiren,
  isValidSiret,
  luhnCheckDigit,
  siretProblem,
  siretProblemMessage,
} from "./siret.js";

describe("Luhn", () => {
  it("accepts known valid numbers and rejects a one-digit typo", () => {
    expect(isLuhnValid("79927398713")).toBe(true); // the textbook example
    expect(isLuhnValid("79927398710")).toBe(false);
    expect(isLuhnValid("356000000")).toBe(true); // La Poste's SIREN
  });

  it("computes the digit that completes a number", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(luhnCheckDigit("3560000000004")).toBe(8);
  });
});

describe("SIREN", () => {
  it.each([
    ["356000000", true],
    ["732829320", true], // a real company
    ["732829321", false],
    ["73282932", false],
    ["73282932a", false],
  ])("%s → %s", (siren, valid) => {
    expect(isValidSiren(siren)).toBe(valid);
  });
});

describe("SIRET", () => {
  it("accepts a Luhn-valid SIRET", () => {
    expect(isValidSiret("35600000000048")).toBe(true); // La Poste head office, Luhn-valid
    expect(isValidSiret("73282932000074")).toBe(true);
  });

  it("tells a bad length from a bad checksum", () => {
    expect(siretProblem("7328293200007")).toBe("format");
    expect(siretProblem("732829320000745")).toBe("format");
    expect(siretProblem("7328293200007A")).toBe("format");
    expect(siretProblem("73282932000075")).toBe("checksum");
  });

  it("applies La Poste's own rule: sum of digits divisible by 5, only for SIREN 356000000", () => {
    const laPoste = "35600000012346"; // digits sum to 30
    expect(isLuhnValid(laPoste)).toBe(false);
    expect(isValidSiret(laPoste)).toBe(true);
    expect(siretProblem("35600000012347")).toBe("checksum"); // sum 31
    // The same digit sum under another SIREN is not enough.
    const other = "73282932000070";
    expect(isLuhnValid(other)).toBe(false);
    expect(isValidSiret(other)).toBe(false);
  });

  it("compacts what people type", () => {
    expect(compactIdentifier("356 000 000 00048")).toBe("35600000000048");
    expect(compactIdentifier("356\u00a0000\u202f000.000-48")).toBe("35600000000048");
    expect(formatSiret("35600000000048")).toBe("356 000 000 00048");
  });

  it("explains in French where to find a SIRET", () => {
    expect(siretProblemMessage("format", "123")).toMatch(/14 chiffres.*annuaire-entreprises/);
    expect(siretProblemMessage("checksum", "73282932000075")).toMatch(/clé de contrôle/);
  });

  it("the form schema accepts spaces and rejects typos with a French message", () => {
    expect(siretSchema.parse("356 000 000 00048")).toBe("35600000000048");
    const typo = siretSchema.safeParse("732 829 320 00075");
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0]?.message).toMatch(/erreur de saisie/);
    expect(siretSchema.safeParse("1234").error?.issues[0]?.message).toMatch(/14 chiffres/);
  });
});

describe("company rules", () => {
  it("normalises NAF codes as Sirene writes them", () => {
    expect(normalizeNafCode("10.71C")).toBe("1071C");
    expect(normalizeNafCode(" 85.59a ")).toBe("8559A");
  });

  it.each([
    ["85.59A", true],
    ["8559B", true],
    ["85.32Z", true],
    ["8541Z", true],
    ["8542Z", true],
    ["85.53Z", false], // driving school
    ["8510Z", false], // pre-school
    ["10.71C", false],
    [null, false],
  ])("training organisation NAF %s → %s", (naf, expected) => {
    expect(isTrainingOrganisationNaf(naf)).toBe(expected);
  });
});
