import { describe, expect, it } from "vitest";
import { LabelIndex } from "./label-index.js";

const jobs = new LabelIndex([
  { label: "Boulanger / Boulangère", principal: true },
  { label: "Boulanger-pâtissier / Boulangère-pâtissière" },
  { label: "Chef boulanger / Cheffe boulangère", principal: true },
  { label: "Développeur / Développeuse web", principal: true },
  { label: "Webmaster développeur / Webmaster développeuse" },
  { label: "Aide-soignant / Aide-soignante", principal: true },
  { label: "Aide à domicile", principal: true },
  { label: "Boutefeu / Boutefeue", rarelyUsed: true },
]);

const labels = (q: string, n = 3) => jobs.search(q, n).map((j) => j.label);

describe("LabelIndex", () => {
  it("matches word prefixes, case and accents aside", () => {
    expect(labels("boulang")[0]).toBe("Boulanger / Boulangère");
    expect(labels("BOULANGÈRE")[0]).toBe("Boulanger / Boulangère");
  });

  it("tolerates typos through trigram similarity", () => {
    expect(labels("developeur web")[0]).toBe("Développeur / Développeuse web");
    expect(labels("boulenger")[0]).toBe("Boulanger / Boulangère");
  });

  it("needs every typed word to match somewhere", () => {
    expect(labels("aide soignant")).toEqual(["Aide-soignant / Aide-soignante"]);
  });

  it("ranks exact and starting matches before inner ones", () => {
    expect(labels("boulanger", 3)).toEqual([
      "Boulanger / Boulangère",
      "Boulanger-pâtissier / Boulangère-pâtissière",
      "Chef boulanger / Cheffe boulangère",
    ]);
  });

  it("sinks rarely used titles and weights by population when given", () => {
    const found = labels("bou", 5);
    expect(found.indexOf("Boutefeu / Boutefeue")).toBeGreaterThan(
      found.indexOf("Boulanger-pâtissier / Boulangère-pâtissière"),
    );
    const towns = new LabelIndex([
      { label: "Saint-Denis", weight: 800 },
      { label: "Saint-Denis", weight: 150_000 },
    ]);
    expect(towns.search("saint denis", 2)[0]?.weight).toBe(150_000);
  });

  it("returns nothing for nothing", () => {
    expect(labels("")).toEqual([]);
    expect(labels("zzzzzz")).toEqual([]);
  });
});
