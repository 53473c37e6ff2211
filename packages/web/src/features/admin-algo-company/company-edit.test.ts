import { describe, expect, test } from "vitest";
import {
  addPickedJob,
  type ExposedJob,
  emptyJobsDraft,
  jobsChange,
  jobsSavedMessage,
  parseBoost,
  toggle,
} from "./company-edit.js";
import { companyPath } from "./company-path.js";
import { historyActionLabel, historyDetails, historyLine } from "./history-view.js";

const baker: ExposedJob = {
  romeCode: "D1102",
  romeLabel: "Boulangerie - viennoiserie",
  score: 72,
  explanation: "A recruté 2 alternants.",
  declared: false,
  source: "algorithm",
};

describe("the jobs of an exposed company", () => {
  test("nothing ticked or picked: nothing to send", () => {
    expect(jobsChange(emptyJobsDraft)).toBeNull();
  });

  test("only the lists that changed are sent, with ROME codes", () => {
    expect(jobsChange({ remove: ["D1102"], add: [], reset: [] })).toEqual({ removeRomes: ["D1102"] });
    expect(jobsChange({ remove: [], add: [{ romeCode: "D1104", label: "Pâtisserie" }], reset: ["G1602"] })).toEqual({
      addRomes: ["D1104"],
      resetRomes: ["G1602"],
    });
  });

  test("a checkbox ticks and unticks a code once", () => {
    expect(toggle(["A"], "B", true)).toEqual(["A", "B"]);
    expect(toggle(["A", "B"], "B", true)).toEqual(["A", "B"]);
    expect(toggle(["A", "B"], "A", false)).toEqual(["B"]);
  });

  test("picking a job already exposed is refused, unless it was ticked for removal: then it is kept", () => {
    const refused = addPickedJob(emptyJobsDraft, { romeCode: "D1102", label: "Boulanger" }, [baker]);
    expect(refused).toEqual({ ok: false, message: "« Boulanger » est déjà un métier de l'entreprise." });
    const kept = addPickedJob({ ...emptyJobsDraft, remove: ["D1102"] }, { romeCode: "D1102", label: "Boulanger" }, [
      baker,
    ]);
    expect(kept).toEqual({ ok: true, draft: emptyJobsDraft });
  });

  test("a job picked twice is added once; the contract's limit of 20 is said before the API refuses", () => {
    const pick = { romeCode: "D1104", label: "Pâtisserie" };
    const once = addPickedJob(emptyJobsDraft, pick, [baker]);
    const twice = once.ok ? addPickedJob(once.draft, pick, [baker]) : once;
    expect(twice.ok && twice.draft.add).toEqual([pick]);
    const full = {
      ...emptyJobsDraft,
      add: Array.from({ length: 20 }, (_, i) => ({ romeCode: `A${1000 + i}`, label: "x" })),
    };
    const refused = addPickedJob(full, pick, []);
    expect(refused.ok).toBe(false);
  });

  test("the saved message counts in French", () => {
    expect(jobsSavedMessage({ remove: ["D1102"], add: [], reset: [] })).toBe(
      "Enregistré : 1 métier retiré. Les candidats voient déjà ce changement.",
    );
    expect(jobsSavedMessage({ remove: ["A", "B"], add: [{ romeCode: "C", label: "c" }], reset: ["D", "E"] })).toBe(
      "Enregistré : 2 métiers retirés, 1 métier ajouté, 2 métiers rendus à l'algorithme. Les candidats voient déjà ce changement.",
    );
  });
});

describe("the boost", () => {
  test("accepts 0 to 50, with a French decimal comma", () => {
    expect(parseBoost("0")).toEqual({ ok: true, boost: 0 });
    expect(parseBoost(" 12,5 ")).toEqual({ ok: true, boost: 12.5 });
    expect(parseBoost("50")).toEqual({ ok: true, boost: 50 });
  });

  test("refuses what the contract refuses, and an empty field", () => {
    expect(parseBoost("51").ok).toBe(false);
    expect(parseBoost("-1").ok).toBe(false);
    expect(parseBoost("").ok).toBe(false);
    expect(parseBoost("beaucoup").ok).toBe(false);
  });
});

describe("the company's history", () => {
  test("known actions in French, unknown ones as recorded", () => {
    expect(historyActionLabel("delisted")).toBe("Retrait de la liste");
    expect(historyActionLabel("something_new")).toBe("something_new");
  });

  test("an edit's details say what changed; odd details say nothing", () => {
    expect(historyDetails({ action: "edited", details: { boost: 10, removeRomes: ["D1102"] } })).toBe(
      "mise en avant : 10 points · métiers retirés : D1102",
    );
    expect(historyDetails({ action: "delisted", details: { requestId: "x", reason: "Plus de place" } })).toBe(
      "motif : « Plus de place »",
    );
    expect(historyDetails({ action: "edited", details: null })).toBe("");
    expect(historyLine({ action: "edited", actor: "Alex", details: { removeRomes: ["D1102"] } })).toBe(
      "Modification par Alex. Métiers retirés : D1102.",
    );
    expect(historyLine({ action: "listed", actor: "OPCO EP", details: null })).toBe(
      "Référencement accepté par OPCO EP.",
    );
    expect(historyDetails({ action: "edited", details: ["D1102"] })).toBe("");
  });
});

describe("the company's address", () => {
  test("the SIRET is written without spaces, as links and the API write it", () => {
    expect(companyPath("356 000 000 00048")).toBe("/admin/algorithme/entreprises/35600000000048");
  });
});
