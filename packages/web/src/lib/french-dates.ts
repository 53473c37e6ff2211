/**
 * Dates as French readers expect them, in Paris time whatever the device's zone: « 1er septembre
 * 2026 », « 12 juin 2026 ». The rules live in core (shared with the emails); these are the names the
 * pages use.
 */
import { formatFrenchDate, parisDay } from "@tremplin/core";

/** An instant (ISO 8601 with time) as its Paris calendar day, e.g. « 12 juin 2026 ». */
export function formatInstantDay(iso: string): string {
  return formatFrenchDate(new Date(iso));
}

/** A calendar date « AAAA-MM-JJ » (no time, no zone) in words, e.g. « 1er septembre 2026 ». */
export function formatCalendarDate(isoDate: string): string {
  return formatFrenchDate(isoDate);
}

/** Today's calendar day in Paris, « AAAA-MM-JJ » (the value format of <input type="date">). */
export function parisToday(now: Date = new Date()): string {
  return parisDay(now);
}
