/**
 * Solves A x = b for a symmetric positive-definite A (row-major, p × p) by Cholesky. Returns null
 * when A is not positive definite (collinear features): callers then fall back to a simpler fit.
 */
export function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      if (i === j) {
        // Relative tolerance: a pivot this small means a column is a combination of others.
        if (!(s > 1e-10 * Math.max(1, Math.abs(a[i * p + i] as number)))) return null;
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / (l[j * p + j] as number);
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = s / (l[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = s / (l[i * p + i] as number);
  }
  return x;
}

/** Accumulates X'WX and X'Wy one row at a time (weighted least squares by normal equations). */
export class NormalEquations {
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  rows = 0;

  constructor(readonly p: number) {
    this.xtx = new Float64Array(p * p);
    this.xty = new Float64Array(p);
  }

  add(x: ArrayLike<number>, y: number, w = 1): void {
    const p = this.p;
    for (let i = 0; i < p; i++) {
      const wxi = w * (x[i] as number);
      this.xty[i] = (this.xty[i] as number) + wxi * y;
      for (let j = 0; j <= i; j++) this.xtx[i * p + j] = (this.xtx[i * p + j] as number) + wxi * (x[j] as number);
    }
    this.rows++;
  }

  solve(): Float64Array | null {
    const p = this.p;
    const full = Float64Array.from(this.xtx);
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) full[j * p + i] = full[i * p + j] as number;
    return solveSpd(full, this.xty, p);
  }
}
