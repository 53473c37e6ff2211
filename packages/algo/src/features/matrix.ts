import type { Day } from "../time/day.js";

/**
 * Features of a set of establishments as of one date, column by column (one Float32Array per
 * feature; NaN = unknown). Row r describes establishment rows[r].
 */
export interface FeatureMatrix {
  asOf: Day;
  rows: Int32Array;
  names: string[];
  columns: Float32Array[];
}

export function column(matrix: FeatureMatrix, name: string): Float32Array {
  const k = matrix.names.indexOf(name);
  if (k < 0) throw new Error(`Variable inconnue : ${name}`);
  return matrix.columns[k] as Float32Array;
}

/** Keeps the rows at the given positions (training subsamples). */
export function selectRows(matrix: FeatureMatrix, positions: Int32Array): FeatureMatrix {
  return {
    asOf: matrix.asOf,
    rows: Int32Array.from(positions, (p) => matrix.rows[p] as number),
    names: matrix.names,
    columns: matrix.columns.map((c) => Float32Array.from(positions, (p) => c[p] as number)),
  };
}

/** Stacks matrices with the same features (training snapshots at several dates). */
export function stackRows(matrices: FeatureMatrix[]): FeatureMatrix {
  const first = matrices[0];
  if (!first) throw new Error("Aucune matrice à empiler");
  const total = matrices.reduce((s, m) => s + m.rows.length, 0);
  const columns = first.names.map(() => new Float32Array(total));
  const rows = new Int32Array(total);
  let at = 0;
  for (const m of matrices) {
    if (m.names.join() !== first.names.join()) throw new Error("Matrices de variables différentes");
    rows.set(m.rows, at);
    m.columns.forEach((c, k) => {
      (columns[k] as Float32Array).set(c, at);
    });
    at += m.rows.length;
  }
  return { asOf: first.asOf, rows, names: first.names, columns };
}

/** The same rows with only the named features, in that order (a model fitted on fewer features). */
export function selectColumns(matrix: FeatureMatrix, names: string[]): FeatureMatrix {
  if (names.join() === matrix.names.join()) return matrix;
  return { ...matrix, names, columns: names.map((name) => column(matrix, name)) };
}
