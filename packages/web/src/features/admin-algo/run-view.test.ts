import { describe, expect, test } from "vitest";
import {
  canPublish,
  canRollback,
  compareShares,
  forecastRunFor,
  formatCount,
  formatPoints,
  formatShare,
  outcomeWindowLabel,
  runDuration,
  stepLabel,
} from "./run-view.js";

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

  test("forecast against realised: signed points, the evaluation on the same data date or the newest before", () => {
    expect(stepLabel(0.1)).toBe("Top 10 %");
    expect(formatPoints(0.032).replace(/\s/g, " ")).toBe("+3,2 points");
    expect(formatPoints(-0.004).replace(/\s/g, " ")).toBe("−0,4 point");
    expect(formatPoints(0).replace(/\s/g, " ")).toBe("0,0 point");
    const evaluation = (id: string, asOf: string | null, extra = {}) => ({
      id,
      kind: "evaluate" as const,
      status: "succeeded" as const,
      asOf,
      hasReport: true,
      ...extra,
    });
    const runs = [
      evaluation("5", "2026-06-01"),
      evaluation("4", "2026-03-01", { status: "failed" as const }),
      evaluation("3", "2026-02-01"),
      evaluation("2", "2026-03-01", { hasReport: false }),
      { ...evaluation("1", "2026-03-01"), kind: "score" as const },
    ];
    expect(forecastRunFor(runs, { asOf: "2026-03-01" })?.id).toBe("3");
    expect(forecastRunFor([...runs, evaluation("6", "2026-03-01")], { asOf: "2026-03-01" })?.id).toBe("6");
    expect(forecastRunFor(runs, { asOf: "2026-01-01" })).toBeUndefined();
    expect(forecastRunFor(runs, { asOf: null })).toBeUndefined();
    expect(
      compareShares({ steps: [0.1, 0.2], overall: [0.3, 0.5] }, { steps: [0.1, 0.3, 0.2], overall: [0.25, 0.6, 0.55] }),
    ).toEqual([
      { step: 0.1, forecast: 0.3, realised: 0.25 },
      { step: 0.2, forecast: 0.5, realised: 0.55 },
    ]);
  });
});
