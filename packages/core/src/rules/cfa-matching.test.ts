import { describe, expect, it } from "vitest";
import {
  diplomaLevelFromText,
  nsfGroupOfCfd,
  offerMatchKeys,
  pickCfaSuggestions,
  romeDomainOf,
  roundKm,
  trainingMatchKeys,
} from "./cfa-matching.js";

describe("CFA matching rules", () => {
  it("looks an offer up by fiche and parent only (never the broad domain), without repeating a key", () => {
    expect(offerMatchKeys({ romeCode: "D1108", parentRomeCode: "D1102", domainCode: "D11" })).toEqual([
      { key: "D1108", kind: "exact" },
      { key: "D1102", kind: "parent" },
    ]);
    expect(offerMatchKeys({ romeCode: "D1102", parentRomeCode: "D1102", domainCode: "D11" })).toEqual([
      { key: "D1102", kind: "exact" },
    ]);
    expect(romeDomainOf("M1805")).toBe("M18");
  });

  it("indexes a training under its codes, their parents and their domains", () => {
    const parents: Record<string, string> = { D1108: "D1102" };
    expect(trainingMatchKeys(["D1108", "H2102"], (c) => parents[c]).sort()).toEqual(
      ["D1102", "D1108", "D11", "H2102", "H21"].sort(),
    );
  });

  it("fills the list with the best matches, then shows them nearest first", () => {
    const c = (siret: string, match: "exact" | "parent" | "domain", distanceKm: number, trainingsCount = 1) => ({
      siret,
      match,
      distanceKm,
      trainingsCount,
    });
    const picked = pickCfaSuggestions(
      [c("a", "domain", 1), c("b", "exact", 40), c("c", "parent", 12), c("d", "exact", 12, 3), c("e", "domain", 2)],
      3,
    );
    // The two domain-only CFAs are the nearest but lose their place to the three that train for the job.
    expect(picked.map((p) => p.siret)).toEqual(["d", "c", "b"]);
    // Within a kind of match, the nearest are kept.
    const domains = [c("far", "domain", 30, 9), c("near", "domain", 3), c("mid", "domain", 10)];
    expect(pickCfaSuggestions(domains, 2).map((p) => p.siret)).toEqual(["near", "mid"]);
    // Fewer candidates than the limit: all of them, nearest first.
    expect(pickCfaSuggestions([c("x", "domain", 5), c("y", "exact", 9)], 10).map((p) => p.siret)).toEqual(["x", "y"]);
  });

  it("reads diploma levels and NSF groups from the catalogue's wordings", () => {
    expect(diplomaLevelFromText("5 (BTS, DEUST...)")).toBe(5);
    expect(diplomaLevelFromText("3 (CAP...)")).toBe(3);
    expect(diplomaLevelFromText("Niveau 6")).toBe(6);
    expect(diplomaLevelFromText("niveau4")).toBe(4);
    expect(diplomaLevelFromText("niveau V")).toBeNull();
    expect(diplomaLevelFromText("8 (Doctorat)")).toBeNull();
    expect(diplomaLevelFromText(7)).toBe(7);
    expect(nsfGroupOfCfd("50022137")).toBe("221");
    expect(nsfGroupOfCfd("32033426")).toBe("334");
    expect(nsfGroupOfCfd("16X31007")).toBe("310");
    expect(nsfGroupOfCfd("123")).toBeNull();
    expect(roundKm(12_345)).toBe(12.3);
  });
});

describe("pickCfaSuggestions: identically named CFAs", () => {
  it("suggests one establishment per name (case and accents aside), the better match or nearer one", () => {
    const c = (siret: string, name: string | null, match: "exact" | "parent", distanceKm: number) => ({
      siret,
      name,
      match,
      distanceKm,
      trainingsCount: 1,
    });
    const picked = pickCfaSuggestions(
      [
        c("a", "CFA des Métiers de Lyon", "parent", 2),
        c("b", "CFA DES METIERS DE LYON", "exact", 8),
        c("c", "CFA des métiers de Lyon", "exact", 4),
        c("d", "Institut Bocuse", "exact", 9),
        c("e", null, "exact", 1),
        c("f", null, "exact", 3),
      ],
      10,
    );
    expect(picked.map((p) => p.siret)).toEqual(["e", "f", "c", "d"]);
  });
});
