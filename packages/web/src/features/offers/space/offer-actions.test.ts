import { describe, expect, test } from "vitest";
import { actionDoneMessage, availableActions, canEdit } from "./offer-actions.js";

describe("offer actions in the space", () => {
  test("follow core's lifecycle rule", () => {
    expect(availableActions("active")).toEqual(["extend", "fill", "cancel", "duplicate"]);
    expect(availableActions("expired")).toEqual(["extend", "fill", "cancel", "duplicate"]);
    expect(availableActions("pending")).toEqual(["fill", "cancel", "duplicate"]);
    expect(availableActions("filled")).toEqual(["duplicate"]);
    expect(availableActions("cancelled")).toEqual(["duplicate"]);
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
