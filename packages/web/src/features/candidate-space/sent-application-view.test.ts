import { describe, expect, test } from "vitest";
import { canDeclareContract, sentSummary, sentTitle } from "./sent-application-view.js";

const target = {
  kind: "offer" as const,
  offerId: "o",
  siret: "1",
  title: "Boulanger",
  companyName: "Fournil",
  offerOpen: true,
};

describe("the candidate's applications", () => {
  test("an offer is named with its company; a spontaneous application says so", () => {
    expect(sentTitle({ target })).toBe("Boulanger · Fournil");
    expect(sentTitle({ target: { ...target, kind: "company", offerId: null, title: null } })).toBe(
      "Candidature spontanée · Fournil",
    );
  });

  test("a contract is declared once, never on a refused or withdrawn application", () => {
    expect(canDeclareContract({ status: "interview", contractSignedAt: null })).toBe(true);
    expect(canDeclareContract({ status: "new", contractSignedAt: "2026-01-01T00:00:00.000Z" })).toBe(false);
    expect(canDeclareContract({ status: "refused", contractSignedAt: null })).toBe(false);
    expect(canDeclareContract({ status: "withdrawn", contractSignedAt: null })).toBe(false);
  });

  test("the lead counts the answers, singular and plural", () => {
    expect(sentSummary([])).toBe("Vous n'avez encore envoyé aucune candidature avec cette adresse.");
    expect(sentSummary([{ status: "new" }])).toBe("1 candidature envoyée, pas encore de réponse.");
    expect(sentSummary([{ status: "interview" }, { status: "seen" }, { status: "refused" }])).toBe(
      "3 candidatures envoyées, dont 2 avec une réponse.",
    );
  });
});
