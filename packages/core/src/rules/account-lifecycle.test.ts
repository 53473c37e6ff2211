import { describe, expect, it } from "vitest";
import { accountStatuses } from "../schemas/account.js";
import { accountPublishesOffers, nextAccountStatus } from "./account-lifecycle.js";

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
