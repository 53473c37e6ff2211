/**
 * Dates as French readers expect them, in Paris time whatever the device's zone: « 1er septembre
 * 2026 », « 12 juin 2026 ». Business dates of the service are Europe/Paris (see ARCHITECTURE.md).
 */
const parisZone = "Europe/Paris";

const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: parisZone,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dayKey = new Intl.DateTimeFormat("en-CA", {
  timeZone: parisZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** French typography writes the first day of a month « 1er ». */
function withOrdinalFirst(text: string): string {
  return text.replace(/^1 /, "1er ");
}

/** An instant (ISO 8601 with time) as its Paris calendar day, e.g. « 12 juin 2026 ». */
export function formatInstantDay(iso: string): string {
  return withOrdinalFirst(longDate.format(new Date(iso)));
}

/** A calendar date « AAAA-MM-JJ » (no time, no zone) in words, e.g. « 1er septembre 2026 ». */
export function formatCalendarDate(isoDate: string): string {
  // Noon UTC falls on the same calendar day in Paris all year round.
  return withOrdinalFirst(longDate.format(new Date(`${isoDate}T12:00:00Z`)));
}

/** Today's calendar day in Paris, « AAAA-MM-JJ » (the value format of <input type="date">). */
export function parisToday(now: Date = new Date()): string {
  return dayKey.format(now);
}

/** The same calendar day `years` later, « AAAA-MM-JJ » (29 February becomes 28 February). */
export function addYearsToCalendarDate(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
