import { describe, expect, it } from "vitest";
import { distanceKm, isInFrance } from "./geo.js";

describe("geo rules", () => {
  it.each([
    [45.76, 4.84, true], // Lyon
    [48.86, 2.35, true], // Paris
    [42.7, 9.45, true], // Bastia
    [16.24, -61.53, true], // Pointe-à-Pitre
    [-20.88, 55.45, true], // Saint-Denis (La Réunion)
    [4.93, -52.33, true], // Cayenne
    [-12.78, 45.23, true], // Mamoudzou
    [51.5, -0.12, false], // London
    [40.4, -3.7, false], // Madrid
    [0, 0, false],
  ])("%f, %f in France: %s", (lat, lon, expected) => {
    expect(isInFrance(lat, lon)).toBe(expected);
  });

  it("measures Lyon–Paris at about 392 km", () => {
    expect(distanceKm({ lat: 45.764, lon: 4.8357 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(391.5, 0);
  });
});
