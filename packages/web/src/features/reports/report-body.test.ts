import { contracts } from "@tremplin/core";
import { describe, expect, test } from "vitest";
import { reportBody, reportTargetWords } from "./report-body.js";

describe("report body", () => {
  test("an offer is reported by id, details trimmed, empty details left out", () => {
    const offerId = "0b6f6f0e-3c53-4a4b-9d55-2f5d2f3f9a10";
    expect(reportBody({ kind: "offer", offerId }, "scam", "  demande de l'argent  ")).toEqual({
      offerId,
      reason: "scam",
      message: "demande de l'argent",
    });
    expect(reportBody({ kind: "offer", offerId }, "other", "   ")).toEqual({ offerId, reason: "other" });
  });

  test("a company is reported by SIRET, and the body passes the API's own schema", () => {
    const body = reportBody({ kind: "company", siret: "35600000000048" }, "no_longer_exists", "");
    expect(body).toEqual({ siret: "35600000000048", reason: "no_longer_exists" });
    expect(contracts.reports.createReport.body.safeParse(body).success).toBe(true);
  });

  test("the form speaks of the offer or of the company", () => {
    expect(reportTargetWords({ kind: "offer", offerId: "x" }).this).toBe("cette offre");
    expect(reportTargetWords({ kind: "company", siret: "x" }).the).toBe("l'entreprise");
  });
});
