import { describe } from "vitest";
import { beatsBaselines } from "./beats-support.js";

describe("le modèle bat les deux références au backtest", () => {
  beatsBaselines(["reference", "entrees-sorties"]);
});
