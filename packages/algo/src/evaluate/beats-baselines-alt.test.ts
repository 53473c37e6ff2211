import { describe } from "vitest";
import { beatsBaselines } from "./beats-support.js";

// A second file so that the scenarios run on both cores.
describe("le modèle bat les deux références au backtest (autres hypothèses)", () => {
  beatsBaselines(["bruit", "saisonnalite", "tendances"]);
});
