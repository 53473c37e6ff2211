import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./signed-token.js";

const secret = "s".repeat(40);
const now = new Date("2026-03-02T09:00:00Z");
const later = new Date("2026-03-10T09:00:00Z");

describe("signed tokens", () => {
  it("round-trips a payload for its purpose until it expires", () => {
    const token = signToken(secret, "offer-action", { o: "abc", a: "extend" }, later);
    expect(verifyToken(secret, "offer-action", token, now)).toMatchObject({ o: "abc", a: "extend" });
    expect(verifyToken(secret, "other-purpose", token, now)).toBeNull();
    expect(verifyToken(secret, "offer-action", token, new Date("2026-03-11T00:00:00Z"))).toBeNull();
  });

  it("rejects a tampered payload, a foreign secret and garbage", () => {
    const token = signToken(secret, "offer-action", { o: "abc", a: "extend" }, later);
    const [body, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ o: "abc", a: "cancel", p: "offer-action", e: 9e9 })).toString(
      "base64url",
    );
    expect(verifyToken(secret, "offer-action", `${forged}.${mac}`, now)).toBeNull();
    expect(verifyToken("x".repeat(40), "offer-action", token, now)).toBeNull();
    expect(verifyToken(secret, "offer-action", `${body}`, now)).toBeNull();
    expect(verifyToken(secret, "offer-action", "n.o", now)).toBeNull();
  });
});
