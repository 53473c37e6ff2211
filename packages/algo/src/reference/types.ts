/**
 * The reference data the algorithm needs, as compact indexed tables. Everything is loaded from
 * data/reference (open data), never written as code. Indexes are small integers so that per-
 * establishment columns can be typed arrays.
 */
export interface AlgoReference {
  naf: {
    codes: string[];
    labels: string[];
    /** Index in `sections`. */
    section: Uint8Array;
    /** Division: the 2-digit prefix as a number (01 … 99). */
    division: Uint8Array;
    index: Map<string, number>;
    /** Hires > 1 month per NAF (2016–17 declarations, all jobs): shapes the generator's NAF mix. */
    hirings: Float64Array;
  };
  sections: { codes: string[]; labels: string[] };
  romes: { codes: string[]; labels: string[]; index: Map<string, number>; tensionPct: Float32Array };
  /**
   * NAF ↔ ROME affinity in compressed rows: for NAF i, positions offsets[i] … offsets[i+1] − 1 give
   * ROME indexes and shares (share of the NAF's hires going to that job; they sum to 1). NAF codes
   * absent from the mapping borrow the mix of their NAF group (same first 3, then 2 characters).
   */
  affinity: { offsets: Int32Array; rome: Uint16Array; share: Float32Array };
  sizeBands: {
    codes: string[];
    labels: string[];
    /** Lower bound of the band (the figure the historical predictor used as "headcount"). */
    lower: Float32Array;
    /** A representative headcount (geometric middle of the band, 0.5 for "0 salarié"). */
    mid: Float32Array;
    index: Map<string, number>;
  };
  communes: {
    insee: string[];
    names: string[];
    postalCode: string[];
    departement: Uint8Array;
    population: Float64Array;
    lat: Float32Array;
    lng: Float32Array;
    index: Map<string, number>;
    /** Postal code → the most populous commune that has it. */
    byPostalCode: Map<string, number>;
  };
  departements: { codes: string[]; names: string[]; region: Uint8Array; index: Map<string, number> };
  regions: { codes: string[]; names: string[] };
}

export const UNKNOWN_U8 = 255;
export const UNKNOWN_U16 = 0xffff;

/** Département of a French postal code (Corsica and overseas need the first 3 digits). */
export function departementOfPostalCode(postalCode: string): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  if (postalCode.startsWith("97") || postalCode.startsWith("98")) return postalCode.slice(0, 3);
  if (postalCode.startsWith("20")) return Number(postalCode) < 20200 ? "2A" : "2B";
  return postalCode.slice(0, 2);
}
