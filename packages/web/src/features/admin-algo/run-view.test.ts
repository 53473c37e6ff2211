import { describe, expect, test } from "vitest";
import { canPublish, canRollback, formatCount, formatShare, outcomeWindowLabel, runDuration } from "./run-view.js";

describe("algorithm runs", () => {
  test("only a finished scoring run that is not live can be published", () => {
    expect(canPublish({ kind: "score", status: "succeeded", active: false })).toBe(true);
    expect(canPublish({ kind: "score", status: "succeeded", active: true })).toBe(false);
    expect(canPublish({ kind: "score", status: "failed", active: false })).toBe(false);
    expect(canPublish({ kind: "score", status: "running", active: false })).toBe(false);
    expect(canPublish({ kind: "evaluate", status: "succeeded", active: false })).toBe(false);
  });

  test("rollback needs a previous publication", () => {
    expect(canRollback([{ previous: false }])).toBe(false);
    expect(canRollback([{ previous: false }, { previous: true }])).toBe(true);
  });

  test("counts grouped the French way, durations in words", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatCount(12345).replace(/\s/g, " ")).toBe("12 345");
    expect(runDuration({ startedAt: "2026-01-01T10:00:00Z", finishedAt: null })).toBeNull();
    expect(runDuration({ startedAt: "2026-01-01T10:00:00Z", finishedAt: "2026-01-01T10:00:42Z" })).toBe("42 s");
    expect(runDuration({ startedAt: "2026-01-01T10:00:00Z", finishedAt: "2026-01-01T10:03:20Z" })).toBe("3 min 20 s");
    expect(runDuration({ startedAt: "2026-01-01T10:00:00Z", finishedAt: "2026-01-01T12:05:00Z" })).toBe("2 h 5 min");
  });

  test("La Bonne Boîte's measure reads in French: shares and the measured window", () => {
    expect(formatShare(0.4812)).toBe("48,1 %");
    expect(outcomeWindowLabel({ windowStart: "2025-07-01", windowEnd: "2026-01-01", months: 6 })).toBe(
      "Contrats du 1er juillet 2025 au 31 décembre 2025 (6 mois)",
    );
  });
});
