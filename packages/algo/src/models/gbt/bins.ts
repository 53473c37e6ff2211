import type { FeatureMatrix } from "../../features/matrix.js";

/**
 * Histogram bins per feature. Bin 0 holds unknown values (NaN); a value x goes to
 * 1 + (number of edges < x), so a split "bin ≤ t" means "unknown, or x ≤ edges[t − 1]".
 * A feature with few distinct values (counts) gets one bin per value; others get quantiles.
 */
export type BinEdges = Float64Array[];

export const MAX_BINS = 64;

export function computeEdges(features: FeatureMatrix, sampleRows: Int32Array | null, maxBins = MAX_BINS): BinEdges {
  return features.columns.map((col) => {
    const n = sampleRows ? sampleRows.length : col.length;
    const buffer = new Float64Array(n);
    let m = 0;
    for (let k = 0; k < n; k++) {
      const v = col[sampleRows ? (sampleRows[k] as number) : k] as number;
      if (!Number.isNaN(v)) buffer[m++] = v;
    }
    const values = buffer.subarray(0, m).sort();
    const distinct: number[] = [];
    for (const v of values) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
    if (distinct.length <= maxBins - 1) return Float64Array.from(distinct.slice(0, -1));
    const edges: number[] = [];
    for (let b = 1; b < maxBins - 1; b++) {
      const v = values[Math.floor((b * values.length) / (maxBins - 1))] as number;
      if (edges.length === 0 || v > (edges[edges.length - 1] as number)) edges.push(v);
    }
    return Float64Array.from(edges);
  });
}

export function binOf(edges: Float64Array, x: number): number {
  if (Number.isNaN(x)) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Row-major bins (row r, feature f at r · p + f): a tree reads all features of one row together. */
export function binRows(features: FeatureMatrix, edges: BinEdges, positions?: Int32Array): Uint8Array {
  const p = edges.length;
  const n = positions ? positions.length : features.rows.length;
  const out = new Uint8Array(n * p);
  for (let f = 0; f < p; f++) {
    const col = features.columns[f] as Float32Array;
    const e = edges[f] as Float64Array;
    for (let r = 0; r < n; r++) {
      const src = positions ? (positions[r] as number) : r;
      out[r * p + f] = binOf(e, col[src] as number);
    }
  }
  return out;
}
