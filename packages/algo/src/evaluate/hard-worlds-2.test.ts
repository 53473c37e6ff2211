import { describe, expect, it } from "vitest";
import { hardWorldNames, hardWorldSeeds } from "../generate/assumptions.js";
import { testReference } from "../test-support.js";
import { beatsReferencesOnHardWorlds, HARD_WORLD_TEST_SIZE } from "./hard-worlds-support.js";
import { evaluateWorld, type WorldResult } from "./worlds.js";

// A second file so that the worlds run on both cores.
const results: WorldResult[] = [];

describe("mondes difficiles : le modèle bat les deux références (suite)", () => {
  beatsReferencesOnHardWorlds(["difficile-saisons", "difficile-diffus"], results);

  it("comble en moyenne au moins 25 % de l'écart entre la régression classique et l'oracle", {
    timeout: 600_000,
  }, async () => {
    // The other three worlds again (the files run apart): the average covers the whole family.
    const reference = await testReference();
    const seed = hardWorldSeeds.test[0];
    const done = new Set(results.map((r) => r.world));
    for (const name of hardWorldNames)
      if (!done.has(name)) results.push(evaluateWorld(reference, name, seed, HARD_WORLD_TEST_SIZE));
    expect(results.map((r) => r.world).sort()).toEqual([...hardWorldNames].sort());
    const mean = (f: (r: WorldResult) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
    expect(mean((r) => r.gapClosed10)).toBeGreaterThan(0.25);
    expect(mean((r) => r.gapClosedDeviance)).toBeGreaterThan(0.25);
  });
});
