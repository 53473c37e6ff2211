import { describe, expect, test } from "vitest";
import { isNavigationEntryActive, navigationFor } from "./navigation.js";

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

  test("a sub-path that is another entry's section is not this one's", () => {
    const space = { text: "Mon espace", to: "/espace", excludes: ["/espace/candidatures"] };
    expect(isNavigationEntryActive(space, "/espace/offres/nouvelle")).toBe(true);
    expect(isNavigationEntryActive(space, "/espace/candidatures")).toBe(false);
    expect(isNavigationEntryActive(space, "/espace/candidatures-spontanees")).toBe(true);
  });
});

describe("navigationFor", () => {
  const person = { id: "u", email: "c@x.fr", firstName: "Camille", lastName: "Martin", opco: null, organisations: [] };

  test("invites visitors to recruit, and shows nothing uncertain while the session is checked", () => {
    expect(navigationFor(undefined).map((e) => e.to)).toEqual(["/", "/recherche"]);
    expect(navigationFor(null).map((e) => e.text)).toEqual(["Accueil", "Trouver une alternance", "Je recrute"]);
  });

  test("leads each role to its space", () => {
    expect(navigationFor({ ...person, role: "recruiter" }).map((e) => e.to)).toEqual([
      "/",
      "/recherche",
      "/espace",
      "/espace/candidatures",
    ]);
    expect(navigationFor({ ...person, role: "candidate" }).map((e) => e.to)).toEqual([
      "/",
      "/recherche",
      "/mes-candidatures",
      "/mes-alertes",
    ]);
    expect(navigationFor({ ...person, role: "admin" }).map((e) => e.to)).toEqual(["/", "/recherche", "/admin"]);
    expect(navigationFor({ ...person, role: "opco" }).map((e) => e.to)).toEqual([
      "/",
      "/recherche",
      "/opco",
      "/espace",
      "/espace/candidatures",
    ]);
  });
});
