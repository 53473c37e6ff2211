import type { EventStore } from "../data/events.js";
import { lowerBound } from "../data/events.js";
import { addMonths, type Day } from "../time/day.js";

/**
 * Read-only view of events strictly before an as-of date: the only way feature code reads
 * events, so that nothing from the as-of date onwards can leak into a feature.
 */
export class History {
  /** bounds[k] = asOf − 6k months: half-year k is [bounds[k+1], bounds[k]). */
  readonly bounds: Int32Array;

  constructor(
    readonly asOf: Day,
    halfYears: number,
  ) {
    this.bounds = Int32Array.from({ length: halfYears + 1 }, (_, k) => addMonths(asOf, -6 * k));
  }

  /** Position after the last event of establishment i before the as-of date. */
  end(store: EventStore, i: number): number {
    return lowerBound(store.days, this.asOf, store.offsets[i] as number, store.offsets[i + 1] as number);
  }

  /**
   * Counts events of establishment i per half-year into `out` (length = halfYears), and returns
   * the days of the last two events before the as-of date (NaN when absent).
   */
  countHalfYears(
    store: EventStore,
    i: number,
    out: Float64Array,
    kindFilter = 0,
    kindOut?: Float64Array,
  ): [number, number] {
    out.fill(0);
    kindOut?.fill(0);
    const from = store.offsets[i] as number;
    let last = Number.NaN;
    let previous = Number.NaN;
    let h = 0;
    const halves = out.length;
    for (let e = this.end(store, i) - 1; e >= from; e--) {
      const day = store.days[e] as number;
      if (Number.isNaN(last)) last = day;
      else if (Number.isNaN(previous)) previous = day;
      while (h < halves && day < (this.bounds[h + 1] as number)) h++;
      if (h >= halves) break;
      out[h] = (out[h] as number) + 1;
      if (kindOut && store.kinds[e] === kindFilter) kindOut[h] = (kindOut[h] as number) + 1;
    }
    return [last, previous];
  }
}
