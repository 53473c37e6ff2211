import type { AnswerLinkPreview } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { applicationSummary, checkAnswer } from "./answer-link.js";

const preview: AnswerLinkPreview = {
  applicationId: "a",
  decision: "interview",
  candidate: { firstName: "Camille", lastName: "Martin" },
  target: { kind: "offer", offerId: "o", siret: "1", title: "Commis de cuisine", companyName: "Restaurant Démo" },
  status: "new",
  answeredAt: null,
  canAnswer: true,
};

describe("answer link", () => {
  test("the summary names the candidate and the offer, or the company for a spontaneous application", () => {
    expect(applicationSummary(preview)).toBe(
      "Candidature de Camille Martin pour « Commis de cuisine » (Restaurant Démo)",
    );
    const spontaneous = { ...preview, target: { ...preview.target, kind: "company" as const, title: null } };
    expect(applicationSummary(spontaneous)).toBe("Candidature spontanée de Camille Martin à Restaurant Démo");
  });

  test("a refusal needs its reason, said in core's words", () => {
    const result = checkAnswer("refused", { reason: "", message: "" });
    expect(result.ok ? {} : result.errors).toEqual({ reason: "Choisissez le motif du refus : il aide le candidat." });
    expect(checkAnswer("refused", { reason: "location", message: "" })).toEqual({
      ok: true,
      data: { reason: "location" },
    });
  });

  test("an interview takes an optional message; a reason chosen before switching is not sent", () => {
    expect(checkAnswer("interview", { reason: "location", message: "  Mardi 10 h ?  " })).toEqual({
      ok: true,
      data: { message: "Mardi 10 h ?" },
    });
    expect(checkAnswer("interview", { reason: "", message: "" })).toEqual({ ok: true, data: {} });
  });

  test("HTML in the message is refused", () => {
    const result = checkAnswer("undecided", { reason: "", message: "<a href=x>ici</a>" });
    expect(result.ok ? {} : result.errors.message).toMatch(/balises HTML/);
  });
});
