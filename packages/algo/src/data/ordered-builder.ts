import type { EstablishmentRecord } from "../parse/establishments.js";
import type { FinanceRecord } from "../parse/finances.js";
import type { AlgoReference } from "../reference/types.js";
import type { Day, DayWindow } from "../time/day.js";
import { type BuilderWarnings, writeEstablishment } from "./builder.js";
import type { Dataset } from "./dataset.js";
import { emptyEstablishments } from "./establishments.js";
import { type EventStore, SequentialEventWriter } from "./events.js";
import type { FinanceStore } from "./finances.js";
import { Growable } from "./growable.js";
import { PACKED_EVENT_BYTES } from "./packed-events.js";

export interface OrderedCapacity {
  establishments: number;
  /** Expected event counts: the stores are allocated once at this size (they grow if exceeded). */
  contracts?: number;
  hires?: number;
}

/** Writes one store establishment by establishment; events of the current one are sorted on switch. */
class OrderedEvents {
  private readonly writer: SequentialEventWriter;
  private current = -1;
  private pending: number[] = [];
  readonly last: Int32Array;

  constructor(n: number, capacity: number) {
    this.writer = new SequentialEventWriter(n, Math.max(1024, capacity));
    this.last = new Int32Array(n).fill(-2_147_483_648);
  }

  add(i: number, day: Day, kind: number, rome: number): void {
    if (i !== this.current) {
      if (i < this.current) throw new Error("Événements reçus hors de l'ordre des SIRET");
      this.flush();
      this.current = i;
      this.writer.next(i);
    }
    // day, then kind and job in the low bits: one sortable number per event (as EventStoreBuilder).
    this.pending.push(day * 2 ** 20 + kind * 2 ** 16 + rome);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // Sets usually arrive in day order already (one import, a file written establishment by
    // establishment); sort only when they do not.
    let sorted = true;
    for (let k = 1; k < this.pending.length && sorted; k++)
      sorted = (this.pending[k - 1] as number) <= (this.pending[k] as number);
    if (!sorted) this.pending.sort((a, b) => a - b);
    for (const key of this.pending) {
      const day = Math.floor(key / 2 ** 20);
      const low = key - day * 2 ** 20;
      this.writer.push(day, Math.floor(low / 2 ** 16), low % 2 ** 16);
    }
    this.last[this.current] = Math.floor((this.pending[this.pending.length - 1] as number) / 2 ** 20);
    this.pending = [];
  }

  finish(): EventStore {
    this.flush();
    return this.writer.finish();
  }
}

/**
 * Builds a Dataset from rows streamed in SIRET order (the database path): establishments first,
 * then each event store with its events grouped by establishment, then finances in SIREN order.
 * Unlike DatasetBuilder it keeps no record objects and no SIRET map, so 1.5 M establishments and
 * 56 M events cost little more than the typed arrays themselves.
 */
export class OrderedDatasetBuilder {
  private readonly table;
  private n = 0;
  private closedUnknown: Uint8Array;
  private readonly romeIndex = new Map<number, number>();
  private contracts: OrderedEvents | null = null;
  private hires: OrderedEvents | null = null;
  private lastSiren = -1;
  private readonly finance = {
    sirens: new Growable(Float64Array),
    offsets: [0] as number[],
    years: new Growable(Int16Array),
    revenue: new Growable(Float64Array),
    netResult: new Growable(Float64Array),
    headcount: new Growable(Float32Array),
  };
  readonly warnings: BuilderWarnings = {
    duplicateEstablishments: 0,
    unknownNaf: 0,
    unplaced: 0,
    eventsOfUnknownSiret: 0,
    eventsOutsideCoverage: 0,
  };

  constructor(
    private readonly reference: AlgoReference,
    private readonly coverage: DayWindow,
    private readonly capacity: OrderedCapacity,
  ) {
    this.table = emptyEstablishments(capacity.establishments);
    this.closedUnknown = new Uint8Array(capacity.establishments);
  }

  /**
   * Adds the next establishment (SIRETs strictly increasing). `closedAtUnknownDate`: closed, but
   * the source does not say when (the directory only has a state): it is then taken as closed the
   * day after its last event, and at the start of the data when it has none.
   */
  addEstablishment(e: EstablishmentRecord, closedAtUnknownDate = false): boolean {
    if (this.contracts) throw new Error("Établissements à ajouter avant les événements");
    const i = this.n;
    if (i > 0 && Number(e.siret) <= (this.table.siret[i - 1] as number)) {
      if (Number(e.siret) === this.table.siret[i - 1]) {
        this.warnings.duplicateEstablishments++;
        return false;
      }
      throw new Error("Établissements reçus hors de l'ordre des SIRET");
    }
    if (!this.reference.naf.index.has(e.naf)) {
      this.warnings.unknownNaf++;
      return false;
    }
    if (i >= this.table.n) throw new Error(`Plus de ${this.table.n} établissements reçus (capacité annoncée)`);
    if (!writeEstablishment(this.table, i, e, this.reference)) this.warnings.unplaced++;
    if (closedAtUnknownDate && e.closed === null) this.closedUnknown[i] = 1;
    this.n++;
    return true;
  }

  /** Index of an establishment already added, or −1 (binary search on the sorted SIRETs). */
  indexOf(siret: string): number {
    const key = Number(siret);
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.table.siret[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.n && this.table.siret[lo] === key ? lo : -1;
  }

  /** Adds packed events (see packed-events.ts) of one SIRET; SIRETs non-decreasing within a store. */
  addPackedEvents(store: "contracts" | "hires", siret: string, packed: Uint8Array): void {
    this.contracts ??= new OrderedEvents(this.n, this.capacity.contracts ?? 0);
    if (store === "hires") this.hires ??= new OrderedEvents(this.n, this.capacity.hires ?? 0);
    const into = store === "contracts" ? this.contracts : (this.hires as OrderedEvents);
    const i = this.indexOf(siret);
    if (packed.length % PACKED_EVENT_BYTES !== 0)
      throw new Error(`Événements stockés illisibles : ${packed.length} octets (multiple de 8 attendu)`);
    if (i < 0) {
      this.warnings.eventsOfUnknownSiret += packed.length / PACKED_EVENT_BYTES;
      return;
    }
    const { start, end } = this.coverage;
    // A plain loop rather than forEachPackedEvent: this runs for each of the 56 M national events.
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    for (let at = 0; at < packed.length; at += PACKED_EVENT_BYTES) {
      const day = view.getInt32(at, true);
      if (day < start || day >= end) {
        this.warnings.eventsOutsideCoverage++;
        continue;
      }
      const letter = view.getUint8(at + 5);
      const rome = letter === 0 ? 0 : this.romeOf((letter << 16) | view.getUint16(at + 6, true));
      into.add(i, day, view.getUint8(at + 4), rome);
    }
  }

  private romeOf(key: number): number {
    if (key === 0) return 0;
    let r = this.romeIndex.get(key);
    if (r === undefined) {
      const code = `${String.fromCharCode(key >>> 16)}${String(key & 0xffff).padStart(4, "0")}`;
      r = (this.reference.romes.index.get(code) ?? -1) + 1;
      this.romeIndex.set(key, r);
    }
    return r;
  }

  /** Adds one year of accounts; rows must come sorted by SIREN then year, one row per (SIREN, year). */
  addFinance(f: FinanceRecord): void {
    const s = this.finance;
    const siren = Number(f.siren);
    if (siren < this.lastSiren) throw new Error("Données financières reçues hors de l'ordre des SIREN");
    if (siren !== this.lastSiren) {
      if (s.sirens.length > 0) s.offsets.push(s.years.length);
      s.sirens.push(siren);
      this.lastSiren = siren;
    }
    s.years.push(f.year);
    s.revenue.push(f.revenue ?? Number.NaN);
    s.netResult.push(f.netResult ?? Number.NaN);
    s.headcount.push(f.headcount ?? Number.NaN);
  }

  build(): Dataset {
    const n = this.n;
    const table = sliceTable(this.table, n);
    const contracts = (this.contracts ?? new OrderedEvents(n, 0)).finish();
    const hiresBuilder = this.hires ?? new OrderedEvents(n, 0);
    const hires = hiresBuilder.finish();
    const { start, end } = this.coverage;
    for (let i = 0; i < n; i++) {
      if (!this.closedUnknown[i]) continue;
      const last = Math.max(this.contracts?.last[i] ?? -1, hiresBuilder.last[i] as number);
      table.closed[i] = Math.min(end, Math.max(start, last + 1));
    }
    return { establishments: table, contracts, hires, finances: this.buildFinances(table), coverage: this.coverage };
  }

  private buildFinances(table: { n: number; siret: Float64Array }): FinanceStore | null {
    const s = this.finance;
    if (s.sirens.length === 0) return null;
    const sirens = s.sirens.toArray();
    const companyOf = new Int32Array(table.n).fill(-1);
    // Both lists are sorted: establishments by SIRET (hence by SIREN), companies by SIREN.
    let c = 0;
    for (let i = 0; i < table.n; i++) {
      const siren = Math.floor((table.siret[i] as number) / 100_000);
      while (c < sirens.length && (sirens[c] as number) < siren) c++;
      if (c < sirens.length && sirens[c] === siren) companyOf[i] = c;
    }
    return {
      companyOf,
      offsets: Int32Array.from([...s.offsets, s.years.length]),
      years: s.years.toArray(),
      revenue: s.revenue.toArray(),
      netResult: s.netResult.toArray(),
      headcount: s.headcount.toArray(),
    };
  }
}

function sliceTable(t: ReturnType<typeof emptyEstablishments>, n: number): ReturnType<typeof emptyEstablishments> {
  if (n === t.n) return t;
  return {
    n,
    siret: t.siret.slice(0, n),
    naf: t.naf.slice(0, n),
    sizeBand: t.sizeBand.slice(0, n),
    created: t.created.slice(0, n),
    closed: t.closed.slice(0, n),
    commune: t.commune.slice(0, n),
    departement: t.departement.slice(0, n),
    flags: t.flags.slice(0, n),
  };
}
