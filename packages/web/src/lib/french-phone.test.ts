import { describe, expect, test } from "vitest";
import { formatFrenchPhone } from "./french-phone.js";

describe("formatFrenchPhone", () => {
  test("groups a 10-digit number in pairs, leaves international forms as they are", () => {
    expect(formatFrenchPhone("0612345678")).toBe("06 12 34 56 78");
    expect(formatFrenchPhone("+262692123456")).toBe("+262692123456");
    expect(formatFrenchPhone("06 12")).toBe("06 12");
  });
});
