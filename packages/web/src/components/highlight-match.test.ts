import { describe, expect, test } from "vitest";
import { highlightMatch } from "./highlight-match.js";

const marked = (text: string, query: string) =>
  highlightMatch(text, query)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join("");

describe("highlightMatch", () => {
  test("marks the typed start of each word, whatever the case and accents", () => {
    expect(marked("Boulanger / Boulangère", "boulang")).toBe("[Boulang]er / [Boulang]ère");
    expect(marked("Pâtissier / Pâtissière", "PATISS")).toBe("[Pâtiss]ier / [Pâtiss]ière");
  });

  test("marks several typed words, only at word starts", () => {
    expect(marked("Chef / Cheffe de rayon boulangerie", "chef boul")).toBe("[Chef] / [Chef]fe de rayon [boul]angerie");
    expect(marked("Aide-boulanger / Aide-boulangère", "boulanger")).toBe("Aide-[boulanger] / Aide-[boulangèr]e");
    expect(marked("Tourneur", "our")).toBe("Tourneur");
  });

  test("maps ligatures and keeps the original text intact", () => {
    expect(marked("Chef d'œuvre", "oeuv")).toBe("Chef d'[œuv]re");
    expect(marked("Chef d'œuvre", "o")).toBe("Chef d'[œ]uvre");
    expect(
      highlightMatch("Cœur de métier", "coeur")
        .map((s) => s.text)
        .join(""),
    ).toBe("Cœur de métier");
  });

  test("marks nothing when nothing useful was typed", () => {
    expect(highlightMatch("Boulanger", "")).toEqual([{ text: "Boulanger", match: false }]);
    expect(highlightMatch("Boulanger", " - ")).toEqual([{ text: "Boulanger", match: false }]);
    expect(highlightMatch("", "boul")).toEqual([]);
  });
});
