import { describe, expect, test } from "vitest";
import { isNavigationEntryActive } from "./navigation.js";

describe("isNavigationEntryActive", () => {
  test("the home entry is active on the home page only", () => {
    expect(isNavigationEntryActive({ text: "Accueil", to: "/" }, "/")).toBe(true);
    expect(isNavigationEntryActive({ text: "Accueil", to: "/" }, "/offres")).toBe(false);
  });

  test("a section stays active on its sub-pages and declared prefixes, not on look-alikes", () => {
    const offers = { text: "Offres", to: "/offres", matches: ["/mes-offres"] };
    expect(isNavigationEntryActive(offers, "/offres")).toBe(true);
    expect(isNavigationEntryActive(offers, "/offres/123")).toBe(true);
    expect(isNavigationEntryActive(offers, "/mes-offres/brouillons")).toBe(true);
    expect(isNavigationEntryActive(offers, "/offresX")).toBe(false);
  });
});
