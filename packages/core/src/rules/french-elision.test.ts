import { describe, expect, it } from "vitest";
import { opcoInSentence, withPreposition } from "./french-elision.js";

describe("withPreposition", () => {
  it.each([
    ["de", "Aurillac", "d'Aurillac"],
    ["de", "Amiens", "d'Amiens"],
    ["de", "Évry-Courcouronnes", "d'Évry-Courcouronnes"],
    ["de", "Le Havre", "du Havre"],
    ["de", "Le Mans", "du Mans"],
    ["de", "Les Sables-d'Olonne", "des Sables-d'Olonne"],
    ["de", "La Rochelle", "de La Rochelle"],
    ["de", "L'Haÿ-les-Roses", "de L'Haÿ-les-Roses"],
    ["de", "Lyon (69)", "de Lyon (69)"],
    ["de", "Lesneven", "de Lesneven"],
    ["de", "Yvetot", "d'Yvetot"],
    ["de", "Yaoundé", "de Yaoundé"],
    ["de", "Hyères", "d'Hyères"],
    ["de", "Haguenau", "de Haguenau"],
    ["de", "LE FOURNIL DE LEA", "du FOURNIL DE LEA"],
    ["de", "ACME", "d'ACME"],
    ["de", "l'OPCO EP", "de l'OPCO EP"],
    ["de", "Anne Martin", "d'Anne Martin"],
    ["à", "Aurillac", "à Aurillac"],
    ["à", "Le Havre", "au Havre"],
    ["à", "Les Sables-d'Olonne", "aux Sables-d'Olonne"],
    ["à", "La Rochelle", "à La Rochelle"],
    ["le", "OPCO EP", "l'OPCO EP"],
    ["le", "Le Havre", "Le Havre"],
    ["le", "Fournil", "le Fournil"],
    ["De", "Le Havre", "Du Havre"],
    ["De", "Aurillac", "D'Aurillac"],
    ["À", "Le Mans", "Au Mans"],
  ] as const)("%s + « %s » → « %s »", (word, name, expected) => {
    expect(withPreposition(word, name)).toBe(expected);
  });

  it("trims the name and leaves an empty one alone", () => {
    expect(withPreposition("de", "  Orléans ")).toBe("d'Orléans");
    expect(withPreposition("de", "")).toBe("de");
  });
});

describe("opcoInSentence", () => {
  it.each([
    ["OPCO EP", "relevant de l'OPCO EP"],
    ["OPCO 2i", "relevant de l'OPCO 2i"],
    ["AFDAS", "relevant de l'AFDAS"],
    ["OCAPIAT", "relevant de l'OCAPIAT"],
    ["Akto", "relevant de l'Akto"],
    ["L'Opcommerce", "relevant de l'Opcommerce"],
    ["Constructys", "relevant de Constructys"],
    ["Uniformation", "relevant d'Uniformation"],
  ])("« %s » → « %s »", (name, expected) => {
    expect(`relevant ${withPreposition("de", opcoInSentence(name))}`).toBe(expected);
  });
});
