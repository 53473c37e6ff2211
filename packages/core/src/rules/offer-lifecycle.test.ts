import { describe, expect, it } from "vitest";
import { canApplyEmailAction, dueReminder, expiryFrom, extensionMovesExpiry } from "./offer-lifecycle.js";

const published = new Date("2026-03-02T09:00:00Z");
const expires = expiryFrom(published, 30);
const at = (days: number) => new Date(expires.getTime() - days * 86_400_000);

describe("offer lifecycle", () => {
  it("expires 30 days after publication", () => {
    expect(expires.toISOString()).toBe("2026-04-01T09:00:00.000Z");
  });

  it("reminds at J-7, then J-1, never before nor after expiry", () => {
    expect(dueReminder(at(8), expires, [7, 1])).toBeNull();
    expect(dueReminder(at(7), expires, [7, 1])).toBe(7);
    expect(dueReminder(at(3), expires, [7, 1])).toBe(7);
    expect(dueReminder(at(1), expires, [7, 1])).toBe(1);
    expect(dueReminder(at(0.1), expires, [7, 1])).toBe(1);
    expect(dueReminder(at(0), expires, [7, 1])).toBeNull();
    expect(dueReminder(at(-2), expires, [7, 1])).toBeNull();
  });

  it("lets an expired offer be extended but not a filled one", () => {
    expect(canApplyEmailAction("expired", "extend")).toBe(true);
    expect(canApplyEmailAction("filled", "extend")).toBe(false);
    expect(canApplyEmailAction("cancelled", "filled")).toBe(false);
  });

  it("offers to extend only when the end date would move (Paris calendar days)", () => {
    // Published a minute ago: extending gives the same day.
    expect(extensionMovesExpiry("active", expires, new Date(published.getTime() + 60_000), 30)).toBe(false);
    // The next day in Paris (published at 10:00 Paris, now 00:30 Paris the day after): one more day.
    expect(extensionMovesExpiry("active", expires, new Date("2026-03-02T23:30:00Z"), 30)).toBe(true);
    // Later the same day: the new end is later in the day, not a later day.
    expect(extensionMovesExpiry("active", expires, new Date("2026-03-02T20:00:00Z"), 30)).toBe(false);
    expect(extensionMovesExpiry("active", expires.toISOString(), at(7), 30)).toBe(true);
    expect(extensionMovesExpiry("expired", expires, at(-1), 30)).toBe(true);
    expect(extensionMovesExpiry("filled", expires, at(7), 30)).toBe(false);
    expect(extensionMovesExpiry("pending", null, at(7), 30)).toBe(false);
  });
});
