import { describe, expect, it } from "vitest";
import { calibrationByDecile, capture, meanDeviance, precisionAtShare } from "./metrics.js";

describe("métriques de classement", () => {
  const actual = [5, 0, 3, 0, 0, 1, 0, 0, 0, 1];

  it("part captée par le top 10 % / 20 % : classement parfait, inverse et ex æquo", () => {
    const perfect = [9, 0, 8, 0, 0, 7, 0, 0, 0, 6];
    expect(capture(perfect, actual, 0.1)).toBeCloseTo(0.5, 12);
    expect(capture(perfect, actual, 0.2)).toBeCloseTo(0.8, 12);
    const reversed = perfect.map((v) => -v);
    expect(capture(reversed, actual, 0.2)).toBe(0);
    // Everyone tied: the expected share under a random order, exactly the share kept.
    expect(capture(new Array(10).fill(1), actual, 0.2)).toBeCloseTo(0.2, 12);
  });

  it("précision : part des retenus qui ont recruté au moins une fois", () => {
    const pred = [9, 8, 7, 0, 0, 0, 0, 0, 0, 0];
    expect(precisionAtShare(pred, actual, 0.2)).toBeCloseTo(0.5, 12);
    expect(precisionAtShare(pred, actual, 0.3)).toBeCloseTo(2 / 3, 12);
  });

  it("déviance : nulle pour une prédiction exacte, plancher pour une prédiction nulle", () => {
    expect(meanDeviance([1, 2], [1, 2])).toBeCloseTo(0, 12);
    expect(Number.isFinite(meanDeviance([0, 0], [1, 0]))).toBe(true);
  });

  it("calibration par décile : moyennes prédites et réelles, décile 10 en dernier", () => {
    const pred = Array.from({ length: 100 }, (_, i) => i / 100);
    const bins = calibrationByDecile(pred, pred);
    expect(bins).toHaveLength(10);
    expect(bins[0]?.meanPredicted).toBeCloseTo(0.045, 10);
    expect(bins[9]?.meanActual).toBeCloseTo(0.945, 10);
    expect(bins.every((b) => b.establishments === 10)).toBe(true);
  });
});
