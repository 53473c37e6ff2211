import { describe, expect, test } from "vitest";
import {
  contractsLabel,
  countLabel,
  distanceLabel,
  placeLabel,
  resultsSummary,
  startMonthsLabel,
  widerRadius,
} from "./result-labels.js";

describe("result labels", () => {
  test("distances: under a kilometre, one decimal under ten, whole kilometres beyond", () => {
    expect(distanceLabel(0.4)).toBe("à moins d'1 km");
    expect(distanceLabel(4.63)).toBe("à 4,6 km");
    expect(distanceLabel(27.4)).toBe("à 27 km");
  });

  test("a place shows the postal code when known", () => {
    expect(placeLabel("Villeurbanne", "69100")).toBe("Villeurbanne (69100)");
    expect(placeLabel("Villeurbanne", null)).toBe("Villeurbanne");
    expect(placeLabel(null, null)).toBeNull();
  });

  test("contract kinds", () => {
    expect(contractsLabel(["apprentissage"])).toBe("Contrat d'apprentissage");
    expect(contractsLabel(["apprentissage", "professionnalisation"])).toBe("Apprentissage ou professionnalisation");
    expect(contractsLabel([])).toBeNull();
  });

  test("counts agree in number", () => {
    expect(countLabel(0, "offre", "offres")).toBe("Aucune offre");
    expect(countLabel(1, "offre", "offres")).toBe("1 offre");
    expect(countLabel(12, "offre", "offres")).toBe("12 offres");
  });

  test("training start months in words; malformed months are skipped", () => {
    expect(startMonthsLabel(["2026-09", "2027-01", "bad"])).toBe("septembre 2026, janvier 2027");
    expect(startMonthsLabel([])).toBeNull();
  });
});

describe("results summary", () => {
  test("each count agrees in number, and « Voir plus » is mentioned while there is more", () => {
    expect(resultsSummary(0, 1, false)).toBe("Aucune offre et 1 entreprise susceptible de recruter.");
    expect(resultsSummary(2, 0, false)).toBe("2 offres et aucune entreprise susceptible de recruter.");
    expect(resultsSummary(10, 10, true)).toBe(
      "10 offres et 10 entreprises susceptibles de recruter pour l'instant (d'autres avec « Voir plus »).",
    );
  });

  test("the wider radius is the next choice, none beyond the last", () => {
    expect(widerRadius(30, [10, 30, 60])).toBe(60);
    expect(widerRadius(60, [10, 30, 60])).toBeNull();
  });
});
