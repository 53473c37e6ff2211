import { CFA_LIMITS } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { answerFromQuery, cfaAnswerInput, startLabel } from "./cfa-answer.js";

describe("CFA answer", () => {
  test("the email's button preselects its answer; anything else preselects nothing", () => {
    expect(answerFromQuery("candidats")).toBe("candidates");
    expect(answerFromQuery("aucun")).toBe("no_candidate");
    expect(answerFromQuery("candidates")).toBeUndefined();
    expect(answerFromQuery(null)).toBeUndefined();
  });

  test("an answer is required; an empty message is left out; a long one is refused", () => {
    expect(cfaAnswerInput(undefined, "")).toEqual({ ok: false, error: "Choisissez votre réponse." });
    expect(cfaAnswerInput("candidates", "   ")).toEqual({ ok: true, data: { answer: "candidates", message: null } });
    expect(cfaAnswerInput("no_candidate", " Rappel en mai ")).toEqual({
      ok: true,
      data: { answer: "no_candidate", message: "Rappel en mai" },
    });
    expect(cfaAnswerInput("candidates", "x".repeat(CFA_LIMITS.answerMessage + 1)).ok).toBe(false);
  });

  test("the start: as soon as possible, or from a date", () => {
    const format = (d: string) => `[${d}]`;
    expect(startLabel({ startAsap: true, startDate: "2026-09-01" }, format)).toBe("Dès que possible");
    expect(startLabel({ startAsap: false, startDate: null }, format)).toBe("Dès que possible");
    expect(startLabel({ startAsap: false, startDate: "2026-09-01" }, format)).toBe("À partir du [2026-09-01]");
  });
});
