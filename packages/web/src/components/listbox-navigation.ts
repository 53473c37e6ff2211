/** Keys that move the highlighted option of a listbox popup. */
export type ListboxKey = "ArrowDown" | "ArrowUp" | "Home" | "End";

export function isListboxKey(key: string): key is ListboxKey {
  return key === "ArrowDown" || key === "ArrowUp" || key === "Home" || key === "End";
}

/**
 * The option to highlight after a key press; -1 means none (focus stays on the text).
 * Arrows wrap around. Home and End only act while an option is highlighted: otherwise they
 * keep their text-editing meaning (start and end of what was typed).
 * Returns `undefined` when the key should keep its default behaviour.
 */
export function nextActiveIndex(key: ListboxKey, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case "ArrowDown":
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return current < 0 ? undefined : 0;
    case "End":
      return current < 0 ? undefined : count - 1;
  }
}
