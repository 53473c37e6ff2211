import { describe, expect, it } from "vitest";
import { complianceState, type RgaaTheme, rgaaThemes, summarise } from "./rgaa-assessment.js";

const theme = (results: RgaaTheme["results"]): RgaaTheme => ({ number: 1, title: "Test", results, notes: {} });

describe("RGAA self-assessment", () => {
  it("rates conforming criteria over tested applicable ones, rounded down", () => {
    const summary = summarise([theme(["C", "C", "NC", "NA", "NT"])]);
    expect(summary).toEqual({ conforming: 2, nonConforming: 1, notApplicable: 1, notTested: 1, rate: 66 });
  });

  it("cannot claim any conformity while applicable criteria are untested", () => {
    expect(complianceState({ rate: 100, notTested: 1 })).toBe("non conforme");
    expect(complianceState({ rate: 100, notTested: 0 })).toBe("totalement conforme");
    expect(complianceState({ rate: 80, notTested: 0 })).toBe("partiellement conforme");
    expect(complianceState({ rate: 40, notTested: 0 })).toBe("non conforme");
  });

  it("does not claim the manual checks nobody did (keyboard, zoom, text spacing, 320 px)", () => {
    const result = (criterion: string) => {
      const [themeNumber, index] = criterion.split(".").map(Number) as [number, number];
      return rgaaThemes.find((t) => t.number === themeNumber)?.results[index - 1];
    };
    for (const criterion of ["7.3", "10.4", "10.7", "10.11", "10.12", "12.8", "12.9"])
      expect(result(criterion), criterion).toBe("NT");
  });

  it("has a note for every non-conforming criterion, and the RGAA's criterion counts", () => {
    const counts = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];
    expect(rgaaThemes.map((t) => t.results.length)).toEqual(counts);
    for (const t of rgaaThemes)
      t.results.forEach((result, index) => {
        if (result === "NC") expect(t.notes[`${t.number}.${index + 1}`]).toBeTruthy();
      });
  });
});
