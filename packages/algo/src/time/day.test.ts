import { describe, expect, it } from "vitest";
import { addMonths, halfYearBefore, isoOfDay, parseIsoDay } from "./day.js";

describe("dates en jours", () => {
  it("ajoute des mois en restant dans le mois visé", () => {
    expect(isoOfDay(addMonths(parseIsoDay("2024-08-31"), -6))).toBe("2024-02-29");
    expect(isoOfDay(addMonths(parseIsoDay("2025-01-01"), -18))).toBe("2023-07-01");
    expect(isoOfDay(addMonths(parseIsoDay("2024-11-15"), 3))).toBe("2025-02-15");
  });

  it("découpe les semestres à partir de la date d'observation", () => {
    const w = halfYearBefore(parseIsoDay("2025-01-01"), 1);
    expect([isoOfDay(w.start), isoOfDay(w.end)]).toEqual(["2024-01-01", "2024-07-01"]);
  });

  it("refuse une date inexistante", () => {
    expect(() => parseIsoDay("2023-02-29")).toThrow("inexistante");
  });
});
