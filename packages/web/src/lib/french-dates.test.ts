import { describe, expect, test } from "vitest";
import { formatCalendarDate, formatInstantDay, parisToday } from "./french-dates.js";

describe("French dates", () => {
  test("write the first of the month « 1er », other days as numbers", () => {
    expect(formatCalendarDate("2026-09-01")).toBe("1er septembre 2026");
    expect(formatCalendarDate("2026-09-21")).toBe("21 septembre 2026");
    expect(formatCalendarDate("2026-11-11")).toBe("11 novembre 2026");
  });

  test("give an instant its Paris day, not the UTC one", () => {
    // 23:30 UTC on 30 June is already 1 July in Paris (summer time, UTC+2).
    expect(formatInstantDay("2026-06-30T23:30:00.000Z")).toBe("1er juillet 2026");
    expect(formatInstantDay("2026-01-15T10:00:00.000Z")).toBe("15 janvier 2026");
  });

  test("today in Paris, as a date input value", () => {
    expect(parisToday(new Date("2026-03-31T22:30:00.000Z"))).toBe("2026-04-01");
    expect(parisToday(new Date("2026-03-31T21:30:00.000Z"))).toBe("2026-03-31");
  });
});
