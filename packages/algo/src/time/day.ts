/**
 * Dates as integer day numbers (days since 1970-01-01, UTC calendar). Hires are counted per day
 * and windows per calendar month, so a plain integer is all the pipeline needs: it fits typed
 * arrays, compares with `<`, and has no time-zone trap (contract dates carry no time of day).
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymdOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2024-07-01" → day number; throws on anything else (for options and tests, not for data rows). */
export function parseIsoDay(text: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`Date attendue au format AAAA-MM-JJ : « ${text} »`);
  const day = dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (isoOfDay(day) !== text) throw new Error(`Date inexistante : « ${text} »`);
  return day;
}

export function isoOfDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Same day of month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOfDay(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return dayFromYmd(y, m, Math.min(d, last));
}

/** Months from `a` to `b` as a real number (30.4375 days a month), for ages and recency. */
export function monthsBetween(a: Day, b: Day): number {
  return (b - a) / 30.4375;
}

/** Calendar month index (year × 12 + month − 1): the generator's and the oracle's time step. */
export function monthIndexOfDay(day: Day): number {
  const { year, month } = ymdOfDay(day);
  return year * 12 + month - 1;
}

export function dayOfMonthIndex(monthIndex: number): Day {
  return dayFromYmd(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** A half-open window [start, end). */
export interface DayWindow {
  start: Day;
  end: Day;
}

/**
 * The k-th half-year before `asOf`: k = 0 is [asOf − 6 months, asOf), k = 1 the one before, …
 * Windows are anchored on the as-of date, not on calendar semesters, so a model trained at one
 * date sees the same season layout as when it predicts at another date 6 or 12 months later.
 */
export function halfYearBefore(asOf: Day, k: number): DayWindow {
  return { start: addMonths(asOf, -6 * (k + 1)), end: addMonths(asOf, -6 * k) };
}

/** The target window: the 6 months starting at `asOf`. */
export function halfYearAfter(asOf: Day): DayWindow {
  return { start: asOf, end: addMonths(asOf, 6) };
}
