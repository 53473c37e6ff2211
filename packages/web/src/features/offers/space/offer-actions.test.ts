import { describe, expect, test } from "vitest";
import { actionDoneMessage, availableActions, canEdit, duplicatePath } from "./offer-actions.js";

describe("offer actions in the space", () => {
  test("follow core's lifecycle rule", () => {
    expect(availableActions({ status: "active", canExtend: true })).toEqual(["extend", "fill", "cancel"]);
    expect(availableActions({ status: "expired", canExtend: true })).toEqual(["extend", "fill", "cancel"]);
    expect(availableActions({ status: "pending", canExtend: false })).toEqual(["fill", "cancel"]);
    expect(availableActions({ status: "filled", canExtend: false })).toEqual([]);
    expect(availableActions({ status: "cancelled", canExtend: false })).toEqual([]);
  });

  test("« Prolonger » is not offered when it would not move the end date", () => {
    expect(availableActions({ status: "active", canExtend: false })).toEqual(["fill", "cancel"]);
  });

  test("« Dupliquer » leads to the new-offer form filled with the offer", () => {
    expect(duplicatePath("0b6c4a8e-1f7e-4c1a-9d55-3f2a1b0c9d8e")).toBe(
      "/espace/offres/nouvelle?copie=0b6c4a8e-1f7e-4c1a-9d55-3f2a1b0c9d8e",
    );
  });

  test("an offer that is over cannot be edited", () => {
    expect(canEdit("active")).toBe(true);
    expect(canEdit("expired")).toBe(true);
    expect(canEdit("filled")).toBe(false);
    expect(canEdit("cancelled")).toBe(false);
  });

  test("say what was done, with the new end date of an extension", () => {
    expect(actionDoneMessage("extend", "Boulanger", "2026-07-01T10:00:00.000Z")).toBe(
      "L'offre « Boulanger » est prolongée : elle reste en ligne jusqu'au 1er juillet 2026.",
    );
    expect(actionDoneMessage("cancel", "Boulanger", null)).toBe("L'offre « Boulanger » est annulée.");
  });
});
