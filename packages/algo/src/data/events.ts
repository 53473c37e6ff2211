import type { Day } from "../time/day.js";
import { Growable } from "./growable.js";

/**
 * Dated events (apprenticeship contracts, or other hires) of every establishment, in compressed
 * sparse rows: the events of establishment i are positions offsets[i] … offsets[i+1] − 1, sorted
 * by day. 5 M contracts take 5 M × (4 + 1 + 2) bytes; 50 M other hires about 250 MB.
 */
export interface EventStore {
  offsets: Int32Array;
  days: Int32Array;
  /** Contracts: 1 = APP (apprenticeship), 2 = PRO (professionalisation). Hires: 1 = CDD, 2 = CDI. */
  kinds: Uint8Array;
  /** Optional job of the hire: 1 + index in reference ROME codes, 0 when unknown (most sources). */
  romes: Uint16Array;
}

export const CONTRACT_APP = 1;
export const CONTRACT_PRO = 2;
export const HIRE_CDD = 1;
export const HIRE_CDI = 2;

export function eventCount(store: EventStore): number {
  return store.days.length;
}

/** Counts the events of establishment `i` with start ≤ day < end (binary search on sorted days). */
export function countInWindow(store: EventStore, i: number, start: Day, end: Day): number {
  const from = store.offsets[i] as number;
  const to = store.offsets[i + 1] as number;
  return lowerBound(store.days, end, from, to) - lowerBound(store.days, start, from, to);
}

/** First position in [from, to) whose day is ≥ day. */
export function lowerBound(days: Int32Array, day: Day, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Writes events establishment by establishment, in order (the generator's path: no sort, no
 * second copy of the data). Call `next(i)` before the events of establishment i.
 */
export class SequentialEventWriter {
  private readonly days: Growable<Int32Array>;
  private readonly kinds: Growable<Uint8Array>;
  private readonly romes: Growable<Uint16Array>;
  private readonly offsets: Int32Array;
  private current = -1;

  constructor(
    private readonly n: number,
    capacity = 1 << 16,
  ) {
    this.offsets = new Int32Array(n + 1);
    this.days = new Growable(Int32Array, capacity);
    this.kinds = new Growable(Uint8Array, capacity);
    this.romes = new Growable(Uint16Array, capacity);
  }

  next(i: number): void {
    if (i <= this.current || i >= this.n) throw new Error(`Établissement ${i} écrit hors ordre`);
    for (let k = this.current + 1; k <= i; k++) this.offsets[k] = this.days.length;
    this.current = i;
  }

  /** Events of the current establishment must come in day order. */
  push(day: Day, kind: number, rome = 0): void {
    this.days.push(day);
    this.kinds.push(kind);
    this.romes.push(rome);
  }

  finish(): EventStore {
    for (let k = this.current + 1; k <= this.n; k++) this.offsets[k] = this.days.length;
    return {
      offsets: this.offsets,
      days: this.days.toArray(),
      kinds: this.kinds.toArray(),
      romes: this.romes.toArray(),
    };
  }
}

/**
 * Collects events in any order (the import path: files are sorted by date or not at all) and
 * builds the sorted store with a counting sort by establishment, then a sort within each one.
 */
export class EventStoreBuilder {
  private readonly owners = new Growable(Int32Array);
  private readonly keys = new Growable(Float64Array);

  add(establishment: number, day: Day, kind: number, rome = 0): void {
    this.owners.push(establishment);
    // One sortable number per event: day, then kind and job in the low bits (exact below 2^53).
    this.keys.push(day * 2 ** 20 + kind * 2 ** 16 + rome);
  }

  get size(): number {
    return this.owners.length;
  }

  build(n: number): EventStore {
    const owners = this.owners.toArray();
    const keys = this.keys.toArray();
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < owners.length; e++) {
      const slot = (owners[e] as number) + 1;
      offsets[slot] = (offsets[slot] as number) + 1;
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
    const cursor = offsets.slice(0, n);
    const sorted = new Float64Array(keys.length);
    for (let e = 0; e < owners.length; e++) {
      const owner = owners[e] as number;
      const at = cursor[owner] as number;
      cursor[owner] = at + 1;
      sorted[at] = keys[e] as number;
    }
    for (let i = 0; i < n; i++) {
      const from = offsets[i] as number;
      const to = offsets[i + 1] as number;
      if (to - from > 1) sorted.subarray(from, to).sort();
    }
    const days = new Int32Array(sorted.length);
    const kinds = new Uint8Array(sorted.length);
    const romes = new Uint16Array(sorted.length);
    for (let e = 0; e < sorted.length; e++) {
      const key = sorted[e] as number;
      const day = Math.floor(key / 2 ** 20);
      const low = key - day * 2 ** 20;
      days[e] = day;
      kinds[e] = Math.floor(low / 2 ** 16);
      romes[e] = low % 2 ** 16;
    }
    return { offsets, days, kinds, romes };
  }
}
