import { expect, it } from "vitest";
import { hardWorldSeeds } from "../generate/assumptions.js";
import { testReference } from "../test-support.js";
import { evaluateWorld, type WorldResult } from "./worlds.js";

/** Establishments per world in the tests: small enough for CI, large enough for stable figures. */
export const HARD_WORLD_TEST_SIZE = 20_000;

/**
 * The model must beat both references (the last 12 months' contracts, and the classic regression
 * per département) on top-decile capture and deviance in every world of the harder family, on the
 * test seed (never used for tuning). Returns the results for the average check.
 */
export function beatsReferencesOnHardWorlds(names: string[], results: WorldResult[]): void {
  const seed = hardWorldSeeds.test[0];
  for (const name of names) {
    // Generous timeout: a slow, shared CI machine; timing belongs to the benchmark, not here.
    it(`monde « ${name} » (graine ${seed})`, { timeout: 240_000 }, async () => {
      const r = evaluateWorld(await testReference(), name, seed, HARD_WORLD_TEST_SIZE);
      results.push(r);
      const t = r.byModel.tremplin;
      for (const id of ["base-a", "base-b"] as const) {
        expect(t.capture10, `top 10 % vs ${id}`).toBeGreaterThan(r.byModel[id].capture10);
        expect(t.deviance, `déviance vs ${id}`).toBeLessThan(r.byModel[id].deviance);
      }
      // Never worse than the classic regression's distance to the oracle.
      expect(r.gapClosed10).toBeGreaterThan(0);
    });
  }
}
