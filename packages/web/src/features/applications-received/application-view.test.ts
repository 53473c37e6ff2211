import { describe, expect, test } from "vitest";
import { answerInput, canAnswer, countsSummary, formatFileSize } from "./application-view.js";

describe("applications received", () => {
  test("only new and seen applications can still be answered", () => {
    expect(canAnswer("new")).toBe(true);
    expect(canAnswer("seen")).toBe(true);
    expect(canAnswer("withdrawn")).toBe(false);
    expect(canAnswer("interview")).toBe(false);
    expect(canAnswer("refused")).toBe(false);
  });

  test("file sizes in French units", () => {
    expect(formatFileSize(900)).toBe("900 o");
    expect(formatFileSize(125_000)).toBe("122 Ko");
    expect(formatFileSize(1_468_006)).toBe("1,4 Mo");
  });

  test("the counts say how many are new", () => {
    expect(countsSummary({ total: 0, new: 0 })).toBe("Aucune candidature reçue pour le moment.");
    expect(countsSummary({ total: 1, new: 1 })).toBe("1 candidature dont 1 nouvelle");
    expect(countsSummary({ total: 4, new: 0 })).toBe("4 candidatures");
    expect(countsSummary({ total: 4, new: 2 })).toBe("4 candidatures dont 2 nouvelles");
  });

  test("an answer needs a decision, and a refusal its reason (core's rule)", () => {
    expect(answerInput({ decision: undefined, reason: "", message: "" })).toEqual({
      ok: false,
      errors: { decision: "Choisissez votre réponse." },
    });
    const refused = answerInput({ decision: "refused", reason: "", message: "" });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? {} : refused.errors).toHaveProperty("reason");
    expect(answerInput({ decision: "refused", reason: "location", message: " " })).toEqual({
      ok: true,
      data: { decision: "refused", reason: "location" },
    });
  });

  test("a reason chosen before switching to an interview is not sent", () => {
    const result = answerInput({ decision: "interview", reason: "location", message: "Appelez-moi" });
    expect(result).toEqual({ ok: true, data: { decision: "interview", message: "Appelez-moi" } });
  });
});
