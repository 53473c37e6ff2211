import type { Day } from "../time/day.js";

/** A day far in the future: "not closed". */
export const OPEN: Day = 2_147_483_647;
/** Creation date unknown: treated as "created long before the data". */
export const UNKNOWN_CREATION: Day = -2_147_483_648;

/** Flag bits of `EstablishmentTable.flags`. */
export const FLAG_TRAINING_ORGANISATION = 1;

/**
 * Establishments indexed 0 … n − 1, one typed array per attribute (≈ 30 bytes each: 1.5 M fit in
 * 45 MB). Codes are indexes into the reference tables (AlgoReference).
 */
export interface EstablishmentTable {
  n: number;
  /** The 14-digit SIRET as an exact integer (below 2^53). */
  siret: Float64Array;
  /** Index in reference.naf.codes. */
  naf: Uint16Array;
  /** Index in reference.sizeBands.codes; 255 when unknown. */
  sizeBand: Uint8Array;
  created: Int32Array;
  /** Closing day, or OPEN. */
  closed: Int32Array;
  /** Index in reference.communes, −1 when unknown. */
  commune: Int32Array;
  /** Index in reference.departements; 255 when unknown. */
  departement: Uint8Array;
  flags: Uint8Array;
}

export function emptyEstablishments(n: number): EstablishmentTable {
  return {
    n,
    siret: new Float64Array(n),
    naf: new Uint16Array(n),
    sizeBand: new Uint8Array(n).fill(255),
    created: new Int32Array(n).fill(UNKNOWN_CREATION),
    closed: new Int32Array(n).fill(OPEN),
    commune: new Int32Array(n).fill(-1),
    departement: new Uint8Array(n).fill(255),
    flags: new Uint8Array(n),
  };
}

export function siretString(table: EstablishmentTable, i: number): string {
  return String(table.siret[i]).padStart(14, "0");
}

/** True when the establishment exists and is open on `day`. */
export function isActiveOn(table: EstablishmentTable, i: number, day: Day): boolean {
  return (table.created[i] as number) <= day && (table.closed[i] as number) > day;
}

/** SIRET → index, through a sorted copy and a binary search (no 1.5 M-entry Map). */
export class SiretIndex {
  private readonly sorted: Float64Array;
  private readonly order: Int32Array;

  constructor(table: EstablishmentTable) {
    const order = new Int32Array(table.n);
    for (let i = 0; i < table.n; i++) order[i] = i;
    const sirets = table.siret;
    order.sort((a, b) => (sirets[a] as number) - (sirets[b] as number));
    this.order = order;
    this.sorted = Float64Array.from(order, (i) => sirets[i] as number);
  }

  find(siret: string | number): number {
    const key = typeof siret === "number" ? siret : Number(siret);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return this.sorted[lo] === key ? (this.order[lo] as number) : -1;
  }
}
