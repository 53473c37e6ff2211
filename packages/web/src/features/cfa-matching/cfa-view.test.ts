import type { CfaSuggestion } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import {
  answersSummary,
  formatDistance,
  isSelectable,
  moreTrainings,
  selectableChoice,
  toggleChoice,
  trainingLine,
} from "./cfa-view.js";

const suggestion = (siret: string, request: CfaSuggestion["request"] = null) => ({ siret, request }) as CfaSuggestion;

describe("CFA step helpers", () => {
  test("distances: metres under one kilometre, whole kilometres beyond", () => {
    expect(formatDistance(0)).toBe("à 100 m");
    expect(formatDistance(0.46)).toBe("à 500 m");
    expect(formatDistance(1.4)).toBe("à 1 km");
    expect(formatDistance(12.6)).toBe("à 13 km");
  });

  test("a CFA already asked is not offered again", () => {
    expect(isSelectable(suggestion("1"))).toBe(true);
    expect(isSelectable(suggestion("1", { id: "r", status: "sent", answer: null }))).toBe(false);
  });

  test("the choice keeps only CFAs still suggested and not yet asked", () => {
    const list = [suggestion("a"), suggestion("b", { id: "r", status: "held", answer: null }), suggestion("c")];
    expect(selectableChoice(new Set(["a", "b", "z"]), list)).toEqual(["a"]);
  });

  test("toggling adds, removes, and stops at the limit", () => {
    const one = toggleChoice(new Set(), "a", 2);
    expect([...one]).toEqual(["a"]);
    const two = toggleChoice(one, "b", 2);
    expect([...toggleChoice(two, "c", 2)]).toEqual(["a", "b"]);
    expect([...toggleChoice(two, "a", 2)]).toEqual(["b"]);
  });

  test("training lines and the count of the others", () => {
    expect(trainingLine({ title: "CAP Boulanger", diplomaLevel: 3 })).toBe("CAP Boulanger (niveau 3)");
    expect(trainingLine({ title: "Titre pro", diplomaLevel: null })).toBe("Titre pro");
    expect(moreTrainings(5, 5)).toBeNull();
    expect(moreTrainings(5, 6)).toBe("et 1 autre formation");
    expect(moreTrainings(2, 5)).toBe("et 3 autres formations");
  });

  test("the summary counts asked CFAs (not the cancelled) and answers", () => {
    expect(answersSummary([])).toBe("Aucune demande envoyée.");
    expect(
      answersSummary([
        { status: "sent", answer: "candidates" },
        { status: "sent", answer: null },
        { status: "cancelled", answer: null },
      ]),
    ).toBe("2 CFA sollicités · 1 réponse");
  });
});
