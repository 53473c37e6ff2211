import type { RecruiterApplication } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { groupByEstablishment, spaceSummary, spontaneousCounts } from "./spontaneous-view.js";

function application(id: string, siret: string, status: RecruiterApplication["status"] = "new"): RecruiterApplication {
  return {
    id,
    target: { kind: "company", offerId: null, siret, title: null, companyName: `Entreprise ${siret.slice(-1)}` },
    candidate: { firstName: "Inès", lastName: "Moreau", email: "ines@exemple.fr", phone: null },
    message: null,
    cv: { fileName: "cv.pdf", size: 1000 },
    status,
    statusLabel: "Nouvelle",
    answer: null,
    delivery: "delivered",
    source: "tremplin",
    createdAt: "2026-01-05T10:00:00.000Z",
  };
}

describe("spontaneous applications received", () => {
  test("counts the new ones among all", () => {
    expect(spontaneousCounts([application("1", "1"), application("2", "1", "refused")])).toEqual({ total: 2, new: 1 });
  });

  test("the space's summary, singular and plural, says what is new", () => {
    expect(spaceSummary({ total: 1, new: 1 })).toBe("Vous avez reçu 1 candidature spontanée, dont 1 nouvelle à lire.");
    expect(spaceSummary({ total: 3, new: 0 })).toBe("Vous avez reçu 3 candidatures spontanées.");
    expect(spaceSummary({ total: 3, new: 2 })).toBe(
      "Vous avez reçu 3 candidatures spontanées, dont 2 nouvelles à lire.",
    );
  });

  test("grouped by establishment, keeping the API's newest-first order", () => {
    const a = "12345678900011";
    const b = "12345678900029";
    const groups = groupByEstablishment([application("1", b), application("2", a), application("3", b)]);
    expect(groups.map((g) => [g.siret, g.items.map((i) => i.id)])).toEqual([
      [b, ["1", "3"]],
      [a, ["2"]],
    ]);
    expect(groups[0]?.heading).toBe("Entreprise 9 · SIRET 123 456 789 00029");
  });
});
