import { defaultSkills, generateOfferDescription, type RomeFiche } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import {
  diplomaLabel,
  durationLabel,
  placeLabel,
  skillLabelsByKind,
  skillsNotInText,
  startLabel,
} from "./offer-view.js";

describe("offer labels", () => {
  test("the start: a date in words, or as soon as possible", () => {
    expect(startLabel("2026-09-01", false)).toBe("À partir du 1er septembre 2026");
    expect(startLabel(null, true)).toBe("Dès que possible");
    expect(startLabel("2026-09-01", true)).toBe("Dès que possible");
  });

  test("the diploma: its usual names and level, or « Indifférent »", () => {
    expect(diplomaLabel(null)).toBe("Indifférent");
    expect(diplomaLabel(4)).toBe("Bac, Bac pro, BP (niveau 4)");
    expect(diplomaLabel(9)).toBe("Niveau 9");
  });

  test("the duration in months and years", () => {
    expect(durationLabel(24)).toBe("24 mois (2 ans)");
    expect(durationLabel(12)).toBe("12 mois (1 an)");
    expect(durationLabel(18)).toBe("18 mois (1 an et demi)");
    expect(durationLabel(30)).toBe("30 mois (2 ans et demi)");
    expect(durationLabel(7)).toBe("7 mois");
  });

  test("the place, with its postal code when known", () => {
    expect(placeLabel("Buchy", "76750")).toBe("Buchy (76750)");
    expect(placeLabel("Buchy", null)).toBe("Buchy");
    expect(placeLabel(null, "76750")).toBeNull();
  });

  test("skills are grouped by kind, order kept", () => {
    expect(
      skillLabelsByKind([
        { code: "1", label: "Pétrir", kind: "savoirFaire" },
        { code: "2", label: "Rigueur", kind: "savoirEtre" },
        { code: "3", label: "Cuire", kind: "savoirFaire" },
      ]),
    ).toEqual({ savoirFaire: ["Pétrir", "Cuire"], savoirEtre: ["Rigueur"], savoirs: [] });
  });
});

describe("skillsNotInText", () => {
  const skill = (code: string, label: string) => ({ code, label, core: true });
  const fiche = {
    definition: "Prépare des pains.",
    skills: {
      savoirFaire: [skill("1", "Pétrir la pâte"), skill("2", "Défourner des pains, etc.")],
      savoirEtre: [skill("3", "Faire preuve de rigueur")],
      savoirs: [skill("4", "Hygiène")],
    },
  } as unknown as RomeFiche;
  const labels = {
    savoirFaire: ["Pétrir la pâte", "Défourner des pains, etc."],
    savoirEtre: ["Faire preuve de rigueur"],
    savoirs: ["Hygiène"],
  };

  test("a generated text already lists every skill: nothing is repeated", () => {
    const text = generateOfferDescription(fiche, defaultSkills(fiche));
    expect(skillsNotInText(labels, text)).toEqual({ savoirFaire: [], savoirEtre: [], savoirs: [] });
  });

  test("a recruiter's own text keeps the skills it does not mention", () => {
    expect(skillsNotInText(labels, "Nous cherchons quelqu'un qui aime pétrir la pâte.")).toEqual({
      savoirFaire: ["Défourner des pains, etc."],
      savoirEtre: ["Faire preuve de rigueur"],
      savoirs: ["Hygiène"],
    });
  });
});
