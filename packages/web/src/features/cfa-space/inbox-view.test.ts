import { describe, expect, test } from "vitest";
import { filterFromQuery, filterInbox, isWaiting, waitingSummary } from "./inbox-view.js";

const items = [
  { id: "a", answer: null, canAnswer: true },
  { id: "b", answer: "candidates" as const, canAnswer: true },
  { id: "c", answer: null, canAnswer: false },
];

describe("CFA inbox", () => {
  test("waiting means unanswered and still answerable (a filled offer waits for nothing)", () => {
    expect(items.map(isWaiting)).toEqual([true, false, false]);
  });

  test("tabs: waiting, answered, all", () => {
    expect(filterInbox(items, "waiting").map((i) => i.id)).toEqual(["a"]);
    expect(filterInbox(items, "answered").map((i) => i.id)).toEqual(["b"]);
    expect(filterInbox(items, "all")).toHaveLength(3);
  });

  test("the summary and the tab read from the address", () => {
    expect(waitingSummary(0)).toBe("Aucune demande en attente de réponse.");
    expect(waitingSummary(1)).toBe("1 demande en attente de réponse");
    expect(waitingSummary(3)).toBe("3 demandes en attente de réponse");
    expect(filterFromQuery("waiting")).toBe("waiting");
    expect(filterFromQuery("nonsense")).toBe("all");
    expect(filterFromQuery(null)).toBe("all");
  });
});
