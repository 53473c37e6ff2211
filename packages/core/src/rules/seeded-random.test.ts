import { describe, expect, it } from "vitest";
import { mulberry32, weightedPicker } from "./seeded-random.js";

describe("mulberry32", () => {
  it("repeats its sequence for a seed, differs across seeds, and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(mulberry32(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it("draws items in proportion to their weight, each weighing at least 1", () => {
    const pick = weightedPicker(
      ["petit", "grand", "vide"],
      (w) => ({ petit: 1, grand: 9, vide: 0 })[w] ?? 0,
      mulberry32(7),
    );
    const counts: Record<string, number> = { petit: 0, grand: 0, vide: 0 };
    for (let i = 0; i < 11_000; i++) {
      const drawn = pick();
      counts[drawn] = (counts[drawn] ?? 0) + 1;
    }
    // Expected 9,000 / 1,000 / 1,000.
    expect(counts.grand).toBeGreaterThan(8_600);
    expect(counts.grand).toBeLessThan(9_400);
    expect(counts.petit).toBeGreaterThan(800);
    expect(counts.vide).toBeGreaterThan(800);
  });
});
