import { describe, expect, it } from "vitest";
import { displayAddress, displayLabel, displayName, isShouted } from "./display-text.js";

describe("displayLabel", () => {
  it.each([
    ["PATISSIER (CAP)", "Pâtissier (CAP)"],
    ["BTS MANAGEMENT COMMERCIAL OPERATIONNEL", "BTS management commercial opérationnel"],
    ["CAP ELECTRICIEN", "CAP électricien"],
    ["BP BOULANGER", "BP boulanger"],
    ["VENTE A DISTANCE", "Vente à distance"],
    ["TECHNICIEN D'ETUDES DU BATIMENT", "Technicien d'études du bâtiment"],
    ["MC PATISSERIE BOULANGERE", "MC pâtisserie boulangère"],
    ["TITRE PRO SECRETAIRE ASSISTANT NIVEAU II", "Titre pro secrétaire assistant niveau II"],
  ])("« %s » → « %s »", (raw, expected) => {
    expect(displayLabel(raw)).toBe(expected);
  });

  it("gives « Être » its accent at the start of a sentence, not inside words", () => {
    expect(displayLabel("Etre force de proposition")).toBe("Être force de proposition");
    expect(displayLabel("Savoir. Etre autonome")).toBe("Savoir. Être autonome");
    expect(displayLabel("Ecole de la deuxième chance")).toBe("École de la deuxième chance");
    expect(displayLabel("Eric et Etienne")).toBe("Eric et Étienne");
    expect(displayLabel("Peut-Etre")).toBe("Peut-Être");
  });

  it("reads a list separated by semicolons as a list", () => {
    expect(displayLabel("Pâtisserie; confiserie; chocolaterie; ")).toBe("Pâtisserie, confiserie, chocolaterie");
    expect(displayLabel("Pâtisserie ;confiserie")).toBe("Pâtisserie, confiserie");
  });

  it("leaves text that already has lower case as it was written, and acronyms alone", () => {
    expect(displayLabel("Boulanger / Boulangère")).toBe("Boulanger / Boulangère");
    expect(displayLabel("CFA des métiers de Lyon")).toBe("CFA des métiers de Lyon");
    expect(displayLabel("BTS")).toBe("BTS");
    expect(displayLabel("CAP BP")).toBe("CAP BP");
    expect(displayLabel(null)).toBeNull();
  });
});

describe("displayName", () => {
  it.each([
    ["CFA DE LA CHAMBRE DE METIERS ET DE L'ARTISANAT", "CFA de la Chambre de Métiers et de l'Artisanat"],
    ["BOULANGERIE DEMO DES TILLEULS SARL", "Boulangerie Démo des Tilleuls SARL"],
    ["LES SABLES-D'OLONNE", "Les Sables-d'Olonne"],
    ["SAINT-JEAN-DE-LUZ", "Saint-Jean-de-Luz"],
    ["Au Bon Pain d'Essai", "Au Bon Pain d'Essai"],
  ])("« %s » → « %s »", (raw, expected) => {
    expect(displayName(raw)).toBe(expected);
  });
});

describe("displayAddress", () => {
  it.each([
    ["1 AVENUE DE LA DEMO", "1 avenue de la Démo"],
    ["12 BIS RUE DU GENERAL DE GAULLE", "12 bis rue du Général de Gaulle"],
    ["ZA DES PINS", "ZA des Pins"],
    ["3 PL DE L'EGLISE", "3 pl de l'Église"],
    ["4 rue de la Paix", "4 rue de la Paix"],
  ])("« %s » → « %s »", (raw, expected) => {
    expect(displayAddress(raw)).toBe(expected);
  });
});

describe("isShouted", () => {
  it("is true for labels in capitals, false for acronyms and written text", () => {
    expect(isShouted("PATISSIER (CAP)")).toBe(true);
    expect(isShouted("CAP")).toBe(false);
    expect(isShouted("Pâtissier (CAP)")).toBe(false);
  });
});
