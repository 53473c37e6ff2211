import { describe, expect, test } from "vitest";
import { nextActiveIndex } from "./listbox-navigation.js";

describe("nextActiveIndex", () => {
  test("arrows enter the list from the field and wrap around", () => {
    expect(nextActiveIndex("ArrowDown", -1, 3)).toBe(0);
    expect(nextActiveIndex("ArrowDown", 1, 3)).toBe(2);
    expect(nextActiveIndex("ArrowDown", 2, 3)).toBe(0);
    expect(nextActiveIndex("ArrowUp", -1, 3)).toBe(2);
    expect(nextActiveIndex("ArrowUp", 0, 3)).toBe(2);
    expect(nextActiveIndex("ArrowUp", 2, 3)).toBe(1);
  });

  test("Home and End jump only while an option is highlighted", () => {
    expect(nextActiveIndex("Home", 2, 3)).toBe(0);
    expect(nextActiveIndex("End", 0, 3)).toBe(2);
    expect(nextActiveIndex("Home", -1, 3)).toBeUndefined();
    expect(nextActiveIndex("End", -1, 3)).toBeUndefined();
  });

  test("an empty list leaves every key to the text field", () => {
    expect(nextActiveIndex("ArrowDown", -1, 0)).toBeUndefined();
  });
});
