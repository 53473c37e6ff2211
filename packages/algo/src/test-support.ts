import type { EventStore } from "./data/events.js";
import type { FeatureMatrix } from "./features/matrix.js";
import { loadAlgoReference } from "./reference/load.js";
import type { AlgoReference } from "./reference/types.js";

let cached: Promise<AlgoReference> | null = null;

/** The reference data, loaded once per test file. */
export function testReference(): Promise<AlgoReference> {
  cached ??= loadAlgoReference();
  return cached;
}

/** A copy of an event store with one more event for establishment i (kept sorted). */
export function withEvent(store: EventStore, i: number, day: number, kind = 1, rome = 0): EventStore {
  const at = store.offsets[i + 1] as number;
  const insert = <T extends Int32Array | Uint8Array | Uint16Array>(arr: T, value: number): T => {
    const out = new (arr.constructor as new (n: number) => T)(arr.length + 1);
    out.set(arr.subarray(0, at), 0);
    out[at] = value;
    out.set(arr.subarray(at), at + 1);
    return out;
  };
  const days = insert(store.days, day);
  days.subarray(store.offsets[i] as number, at + 1).sort();
  const offsets = Int32Array.from(store.offsets, (o, k) => (k > i ? o + 1 : o));
  return { offsets, days, kinds: insert(store.kinds, kind), romes: insert(store.romes, rome) };
}

/** A feature matrix built by hand (row r = establishment r). */
export function handMatrix(columns: Record<string, number[]>, asOf = 0): FeatureMatrix {
  const names = Object.keys(columns);
  const n = (columns[names[0] as string] ?? []).length;
  return {
    asOf,
    rows: Int32Array.from({ length: n }, (_, i) => i),
    names,
    columns: names.map((k) => Float32Array.from(columns[k] ?? [])),
  };
}
