import { describe, expect, it } from "vitest";
import { defaultSkills, generateOfferDescription, resolveSkills } from "./offer-description.js";

const fiche = {
  definition: "prépare et façonne les pains selon les règles d'hygiène",
  skills: {
    savoirFaire: [
      { code: "1", label: "Pétrir la pâte", core: true },
      { code: "2", label: "Cuire des pains.", core: false },
    ],
    savoirEtre: [{ code: "3", label: "Faire preuve de rigueur", core: false }],
    savoirs: [{ code: "4", label: "Techniques de panification", core: true }],
  },
};

describe("offer description from ROME", () => {
  it("writes clean French: capital, final stop, lists of the chosen skills only", () => {
    const text = generateOfferDescription(fiche, { savoirFaire: ["2", "1"], savoirEtre: ["3"], savoirs: [] });
    expect(text).toBe(
      [
        "Prépare et façonne les pains selon les règles d'hygiène.",
        "Vos missions, en alternance :\n- Pétrir la pâte\n- Cuire des pains",
        "Les qualités attendues :\n- Faire preuve de rigueur",
      ].join("\n\n"),
    );
  });

  it("pre-selects core skills and flags codes foreign to the fiche", () => {
    expect(defaultSkills(fiche)).toEqual({ savoirFaire: ["1"], savoirEtre: ["3"], savoirs: ["4"] });
    expect(resolveSkills(fiche, { savoirFaire: ["1", "999"], savoirEtre: [], savoirs: [] }).unknown).toEqual(["999"]);
  });
});
