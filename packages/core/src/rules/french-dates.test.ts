import { describe, expect, it } from "vitest";
import { addYearsToCalendarDate, formatFrenchDate, parisDay } from "./french-dates.js";
import { isStartDateInRange, startDateRange } from "./offer-defaults.js";

describe("French dates", () => {
  it("writes the first of the month as « 1er »", () => {
    expect(formatFrenchDate("2026-07-01")).toBe("1er juillet 2026");
    expect(formatFrenchDate("2026-07-14")).toBe("14 juillet 2026");
    expect(formatFrenchDate(new Date("2026-10-31T23:30:00Z"))).toBe("1er novembre 2026"); // already the 1st in Paris
    // An ISO instant as the API sends it: its Paris day, not the UTC one (summer time, UTC+2).
    expect(formatFrenchDate("2026-06-30T23:30:00.000Z")).toBe("1er juillet 2026");
    expect(formatFrenchDate("2026-09-21")).toBe("21 septembre 2026");
  });

  it("gives the Paris calendar day of an instant", () => {
    expect(parisDay(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
    expect(parisDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(parisDay(new Date("2026-03-31T22:30:00.000Z"))).toBe("2026-04-01");
  });

  it("adds years to a calendar date, 29 February included", () => {
    expect(addYearsToCalendarDate("2026-05-20", 2)).toBe("2028-05-20");
    expect(addYearsToCalendarDate("2028-02-29", 1)).toBe("2029-02-28");
  });

  it("accepts a start date from today in Paris to the same day two years ahead", () => {
    const now = new Date("2026-11-29T23:30:00Z"); // already 30 November in Paris
    expect(startDateRange(now)).toEqual({ min: "2026-11-30", max: "2028-11-30" });
    expect(isStartDateInRange("2026-11-29", now)).toBe(false);
    expect(isStartDateInRange("2026-11-30", now)).toBe(true);
    expect(isStartDateInRange("2028-11-30", now)).toBe(true);
    expect(isStartDateInRange("2028-12-01", now)).toBe(false);
  });
});
