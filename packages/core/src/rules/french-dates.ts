/**
 * Dates as French people read them, in Paris time: « 1er juillet 2026 », « 14 juillet 2026 ».
 * Business dates are Paris dates; a date-only string ("2026-07-01") is read as that calendar day.
 */
const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function toDate(value: Date | string): Date {
  // A plain calendar date is noon UTC of that day: the same day in Paris whatever the season.
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T12:00:00Z`)
    : new Date(value);
}

/** « 1er juillet 2026 » — the first of the month is written « 1er », as in French. */
export function formatFrenchDate(value: Date | string): string {
  return longDate.format(toDate(value)).replace(/^1 /, "1er ");
}

/** The calendar day in Paris of an instant, "YYYY-MM-DD". */
export function parisDay(at: Date): string {
  return dayFormat.format(at);
}

/** The same calendar day `years` later, "YYYY-MM-DD" (29 February becomes 28 February). */
export function addYearsToCalendarDate(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
