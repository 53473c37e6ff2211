import { describe, expect, test } from "vitest";
import { groupByTarget, sameTargetLabel, statusFromQuery, targetLabel } from "./report-view.js";

describe("reports queue", () => {
  test("two reports of one offer make one group; another offer or a company its own", () => {
    const offer = (id: string, offerId: string) => ({ id, target: { kind: "offer" as const, offerId, siret: "1" } });
    const company = { id: "c", target: { kind: "company" as const, offerId: null, siret: "1" } };
    const groups = groupByTarget([offer("a", "o1"), company, offer("b", "o2"), offer("d", "o1")]);
    expect(groups.map((g) => g.map((r) => r.id))).toEqual([["a", "d"], ["c"], ["b"]]);
  });

  test("the status comes from the address, open by default", () => {
    expect(statusFromQuery("dismissed")).toBe("dismissed");
    expect(statusFromQuery("unpublished")).toBe("unpublished");
    expect(statusFromQuery("everything")).toBe("open");
    expect(statusFromQuery(null)).toBe("open");
  });

  test("the target in one line, with the SIRET when the name is unknown", () => {
    expect(targetLabel({ kind: "offer", title: "Boulanger", companyName: "Fournil Démo", siret: "1" })).toBe(
      "Offre « Boulanger » · Fournil Démo",
    );
    expect(targetLabel({ kind: "company", title: null, companyName: null, siret: "12345678900011" })).toBe(
      "Entreprise SIRET 12345678900011",
    );
    expect(targetLabel({ kind: "company", title: null, companyName: "Garage Démo", siret: "9" })).toBe(
      "Entreprise Garage Démo · SIRET 9",
    );
  });

  test("other reports of the same target are counted only when there are some", () => {
    expect(sameTargetLabel(1, "offer")).toBeNull();
    expect(sameTargetLabel(3, "company")).toBe("3 signalements pour cette entreprise");
  });
});
