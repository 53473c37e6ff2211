import { describe, expect, test } from "vitest";
import { pageCount, readListParams, writeListParams } from "./list-params.js";

describe("accounts list filters in the address", () => {
  test("read what the API accepts and fall back to defaults otherwise", () => {
    expect(readListParams(new URLSearchParams("statut=certified&q=%20boulangerie%20&page=2"))).toEqual({
      status: "certified",
      q: "boulangerie",
      page: 2,
    });
    expect(readListParams(new URLSearchParams("statut=nimporte&page=-3"))).toEqual({
      status: "waiting",
      q: "",
      page: 1,
    });
    expect(readListParams(new URLSearchParams(""), "all").status).toBe("all");
  });

  test("write short addresses that read back the same", () => {
    expect(writeListParams({ status: "waiting", q: "", page: 1 })).toBe("");
    const params = { status: "rejected" as const, q: "Démo", page: 3 };
    const written = writeListParams(params);
    expect(written).toBe("?statut=rejected&q=D%C3%A9mo&page=3");
    expect(readListParams(new URLSearchParams(written))).toEqual(params);
  });

  test("count pages", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
