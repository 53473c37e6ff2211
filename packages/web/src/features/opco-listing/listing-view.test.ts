import { describe, expect, test } from "vitest";
import { openRequestsSummary } from "./listing-view.js";

describe("the OPCO space's listing requests", () => {
  test("the count is said in French, singular and plural", () => {
    expect(openRequestsSummary(0)).toBe("Aucune demande de référencement à examiner pour le moment.");
    expect(openRequestsSummary(1)).toBe("1 demande de référencement à examiner.");
    expect(openRequestsSummary(3)).toBe("3 demandes de référencement à examiner.");
  });
});
