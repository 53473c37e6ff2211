import { isoOfDay, PACKED_EVENT_BYTES, packEvents } from "@tremplin/algo";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { type EventSetBatch, insertEventSets } from "./repository.js";

type Db = Kysely<Database>;

/** Grows a typed array by doubling (events are counted before they are known). */
class Column<T extends Float64Array | Int32Array | Uint8Array | Uint32Array> {
  data: T;
  constructor(private readonly ctor: new (n: number) => T) {
    this.data = new ctor(1 << 16);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = new this.ctor(Math.max(n, this.data.length * 2));
    next.set(this.data as never);
    this.data = next;
  }
}

const ROWS_PER_STATEMENT = 5_000;

/**
 * Positions 0 … n − 1 reordered so that the events of each SIRET are contiguous, in file order
 * within a SIRET: a counting sort on "group of first appearance" — linear, where a comparison sort
 * of 8 M events would take seconds.
 */
export function groupBySiret(sirets: Float64Array, n: number): Int32Array {
  const groupOf = new Int32Array(n);
  const ids = new Map<number, number>();
  const counts: number[] = [];
  for (let k = 0; k < n; k++) {
    const s = sirets[k] as number;
    let g = ids.get(s);
    if (g === undefined) {
      g = counts.length;
      ids.set(s, g);
      counts.push(0);
    }
    groupOf[k] = g;
    counts[g] = (counts[g] as number) + 1;
  }
  const next = new Int32Array(counts.length);
  for (let g = 1; g < counts.length; g++) next[g] = (next[g - 1] as number) + (counts[g - 1] as number);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const g = groupOf[k] as number;
    order[next[g] as number] = k;
    next[g] = (next[g] as number) + 1;
  }
  return order;
}

/**
 * Buffers the events of an import and writes them as packed sets, one row per SIRET and flush.
 * A flush happens every `bufferEvents` events (and at the end), so memory stays bounded whatever
 * the file size; a file grouped by establishment yields one row per SIRET, a file sorted by date
 * one row per SIRET and flush (the reader merges them).
 */
export class EventSetWriter {
  private readonly sirets = new Column(Float64Array);
  private readonly days = new Column(Int32Array);
  private readonly kinds = new Column(Uint8Array);
  private readonly romes = new Column(Uint32Array);
  private length = 0;
  private part = 0;
  firstDay = Number.POSITIVE_INFINITY;
  lastDay = Number.NEGATIVE_INFINITY;
  rows = 0;

  constructor(
    private readonly db: Db,
    private readonly source: "contracts" | "hires",
    private readonly importId: number,
    private readonly bufferEvents = 8_000_000,
  ) {}

  /** Buffers one event; call `flush()` when `full` says so. */
  add(siret: string, day: number, kind: number, rome: number): void {
    const k = this.length;
    this.sirets.ensure(k + 1);
    this.days.ensure(k + 1);
    this.kinds.ensure(k + 1);
    this.romes.ensure(k + 1);
    this.sirets.data[k] = Number(siret);
    this.days.data[k] = day;
    this.kinds.data[k] = kind;
    this.romes.data[k] = rome;
    this.length = k + 1;
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
  }

  get full(): boolean {
    return this.length >= this.bufferEvents;
  }

  /** Writes what is buffered: events grouped by SIRET (file order kept within a SIRET). */
  async flush(): Promise<void> {
    const n = this.length;
    if (n === 0) return;
    this.part++;
    const sirets = this.sirets.data;
    const order = groupBySiret(sirets, n);
    const columns = { days: this.days.data, kinds: this.kinds.data, romes: this.romes.data };
    let batch = this.emptyBatch();
    let bytes: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < n; ) {
      const siret = sirets[order[start] as number] as number;
      let end = start + 1;
      while (end < n && sirets[order[end] as number] === siret) end++;
      const group = order.slice(start, end);
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const e of group) {
        const d = columns.days[e] as number;
        if (d < first) first = d;
        if (d > last) last = d;
      }
      const packed = packEvents(columns, group);
      batch.sirets.push(String(siret).padStart(14, "0"));
      batch.counts.push(group.length);
      batch.firstDays.push(isoOfDay(first));
      batch.lastDays.push(isoOfDay(last));
      batch.offsets.push(offset);
      batch.lengths.push(packed.length);
      bytes.push(packed);
      offset += packed.length;
      if (batch.sirets.length === ROWS_PER_STATEMENT) {
        await this.write(batch, bytes, offset);
        batch = this.emptyBatch();
        bytes = [];
        offset = 0;
      }
      start = end;
    }
    await this.write(batch, bytes, offset);
    this.length = 0;
  }

  private emptyBatch(): EventSetBatch {
    return {
      source: this.source,
      importId: this.importId,
      part: this.part,
      sirets: [],
      counts: [],
      firstDays: [],
      lastDays: [],
      offsets: [],
      lengths: [],
      blob: new Uint8Array(0),
    };
  }

  private async write(batch: EventSetBatch, bytes: Uint8Array[], total: number): Promise<void> {
    if (batch.sirets.length === 0) return;
    const blob = new Uint8Array(total);
    let at = 0;
    for (const b of bytes) {
      blob.set(b, at);
      at += b.length;
    }
    batch.blob = blob;
    await insertEventSets(this.db, batch);
    this.rows += batch.sirets.length;
  }

  /** Bytes a buffered event costs (for the documentation of --buffer). */
  static readonly bytesPerBufferedEvent = 8 + 4 + 1 + 4 + PACKED_EVENT_BYTES;
}
