import { describe, expect, test } from "vitest";
import { filtersFromSearch, nextStatuses, searchFromFilters } from "./inbox-view.js";

describe("recruiter inbox", () => {
  test("an application moves forward only, and not after a final status", () => {
    expect(nextStatuses("new")).toEqual(["seen", "interview", "refused", "hired"]);
    expect(nextStatuses("seen")).toEqual(["interview", "refused", "hired"]);
    expect(nextStatuses("interview")).toEqual(["refused", "hired"]);
    expect(nextStatuses("refused")).toEqual([]);
    expect(nextStatuses("withdrawn")).toEqual([]);
  });

  test("filters round-trip through the address; unknown values are dropped", () => {
    const offerId = "0b8f7a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    const filters = { status: "interview" as const, offerId, kind: "offer" as const };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams("statut=perdu&offre=12&type=x"))).toEqual({
      status: undefined,
      offerId: undefined,
      kind: undefined,
    });
    expect(searchFromFilters({ status: "new" }).toString()).toBe("statut=new");
  });
});
