/** French number formats for reports: 87,0 %, 0,4521, 1 234 567. */
export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits).replace(".", ",")}\u00a0%`;
export const dec = (x: number, digits = 3): string => x.toFixed(digits).replace(".", ",");
export const int = (x: number): string =>
  Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");

/** Escapes text for SVG / XML. */
export const xml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
