import { afterAll, describe, expect } from "vitest";
import { beatsReferencesOnHardWorlds } from "./hard-worlds-support.js";
import type { WorldResult } from "./worlds.js";

const results: WorldResult[] = [];

describe("mondes difficiles : le modèle bat les deux références", () => {
  beatsReferencesOnHardWorlds(["difficile", "difficile-ruptures", "difficile-tendances"], results);
  afterAll(() => {
    // Each world closes a share of the gap; the family's average is checked in the second file.
    for (const r of results) expect(r.gapClosedDeviance).toBeGreaterThan(0.15);
  });
});
