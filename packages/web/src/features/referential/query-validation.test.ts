import { contracts } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { firstIssueMessage } from "./query-validation.js";

describe("firstIssueMessage", () => {
  const appellationQuery = contracts.referential.searchAppellations.query.shape.q;

  test("says in French why the contract refuses a search, and nothing when it accepts it", () => {
    expect(firstIssueMessage(appellationQuery, "b")).toBe("Saisissez au moins 2 caractères.");
    expect(firstIssueMessage(appellationQuery, "  b ")).toBe("Saisissez au moins 2 caractères.");
    expect(firstIssueMessage(appellationQuery, "bo")).toBeNull();
  });
});
