import { describe, expect, it } from "vitest";
import { accountStatuses } from "../schemas/account.js";
import { accountPublishesOffers, nextAccountStatus, offerOpcoCertified } from "./account-lifecycle.js";

describe("account lifecycle", () => {
  it("follows confirm → certify, and reject/disable/enable", () => {
    expect(nextAccountStatus("pending_confirmation", "confirm")).toBe("active");
    expect(nextAccountStatus("active", "certify")).toBe("certified");
    expect(nextAccountStatus("certified", "reject")).toBe("rejected");
    expect(nextAccountStatus("rejected", "certify")).toBe("certified");
    expect(nextAccountStatus("certified", "disable")).toBe("disabled");
    expect(nextAccountStatus("disabled", "enable")).toBe("active");
  });

  it("refuses impossible moves", () => {
    expect(nextAccountStatus("pending_confirmation", "certify")).toBeNull();
    expect(nextAccountStatus("certified", "certify")).toBeNull();
    expect(nextAccountStatus("disabled", "reject")).toBeNull();
    expect(nextAccountStatus("active", "confirm")).toBeNull();
    expect(nextAccountStatus("active", "enable")).toBeNull();
  });

  it("publishes offers only for active and certified accounts", () => {
    expect(accountStatuses.filter(accountPublishesOffers)).toEqual(["active", "certified"]);
  });
});

describe("offerOpcoCertified", () => {
  it("only a company's own certified account makes an offer « certifié par l'OPCO »", () => {
    expect(offerOpcoCertified({ type: "company", status: "certified" })).toBe(true);
    expect(offerOpcoCertified({ type: "company", status: "active" })).toBe(false);
    expect(offerOpcoCertified({ type: "cfa", status: "certified" })).toBe(false);
    expect(offerOpcoCertified({ type: null, status: null })).toBe(false);
  });
});
