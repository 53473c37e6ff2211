import type { Dataset } from "../data/dataset.js";
import type { AlgoReference } from "../reference/types.js";

/**
 * Apprenticeship rates of groups of establishments (NAF, NAF division, size band, département),
 * measured on the history before the as-of date and shrunk toward the parent group: a NAF code
 * with 12 establishments says little on its own, so it borrows its division's rate in proportion
 * (empirical-Bayes partial pooling, prior weight `PRIOR_WEIGHT` establishments).
 */
export interface GroupRates {
  naf: Float64Array;
  nafTakerShare: Float64Array;
  /** Per (NAF division × size band) cell: division * bands + band. */
  divisionSize: Float64Array;
  departement: Float64Array;
  bands: number;
}

export const PRIOR_WEIGHT = 50;

interface Acc {
  hires: Float64Array;
  takers: Float64Array;
  count: Float64Array;
}
const acc = (size: number): Acc => ({
  hires: new Float64Array(size),
  takers: new Float64Array(size),
  count: new Float64Array(size),
});

function shrink(a: Acc, k: number, prior: number, field: "hires" | "takers"): number {
  return ((a[field][k] as number) + PRIOR_WEIGHT * prior) / ((a.count[k] as number) + PRIOR_WEIGHT);
}

/**
 * `recent[r]`: hires of row r in the last 12 months; `taker[r]`: 1 when it hired in the last 36.
 * Both come from History, so the rates only use the past.
 */
export function groupRates(
  dataset: Dataset,
  reference: AlgoReference,
  rows: Int32Array,
  recent: Float64Array,
  taker: Float64Array,
): GroupRates {
  const e = dataset.establishments;
  const bands = reference.sizeBands.codes.length + 1;
  const nNaf = reference.naf.codes.length;
  const nafAcc = acc(nNaf);
  const divAcc = acc(100);
  const secAcc = acc(reference.sections.codes.length);
  const cellAcc = acc(100 * bands);
  const bandAcc = acc(bands);
  const depAcc = acc(256);
  let totalHires = 0;
  let totalTakers = 0;
  const add = (a: Acc, k: number, h: number, t: number) => {
    a.hires[k] = (a.hires[k] as number) + h;
    a.takers[k] = (a.takers[k] as number) + t;
    a.count[k] = (a.count[k] as number) + 1;
  };
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const naf = e.naf[i] as number;
    const div = reference.naf.division[naf] as number;
    const band = Math.min(e.sizeBand[i] as number, bands - 1);
    const h = recent[r] as number;
    const t = taker[r] as number;
    add(nafAcc, naf, h, t);
    add(divAcc, div, h, t);
    add(secAcc, reference.naf.section[naf] as number, h, t);
    add(cellAcc, div * bands + band, h, t);
    add(bandAcc, band, h, t);
    add(depAcc, e.departement[i] as number, h, t);
    totalHires += h;
    totalTakers += t;
  }
  const n = Math.max(1, rows.length);
  const national = totalHires / n;
  const nationalTakers = totalTakers / n;
  const sectionRate = (s: number, f: "hires" | "takers") =>
    shrink(secAcc, s, f === "hires" ? national : nationalTakers, f);
  const divisionRate = (d: number, s: number, f: "hires" | "takers") => shrink(divAcc, d, sectionRate(s, f), f);
  const naf = new Float64Array(nNaf);
  const nafTakerShare = new Float64Array(nNaf);
  for (let k = 0; k < nNaf; k++) {
    const div = reference.naf.division[k] as number;
    const sec = reference.naf.section[k] as number;
    naf[k] = shrink(nafAcc, k, divisionRate(div, sec, "hires"), "hires");
    nafTakerShare[k] = shrink(nafAcc, k, divisionRate(div, sec, "takers"), "takers");
  }
  // Size cells shrink toward "this band's rate, scaled by this division's rate".
  const divisionSize = new Float64Array(100 * bands);
  for (let d = 0; d < 100; d++) {
    const divRate = shrink(divAcc, d, national, "hires");
    for (let b = 0; b < bands; b++) {
      const bandRate = shrink(bandAcc, b, national, "hires");
      const prior = national > 0 ? (bandRate * divRate) / national : 0;
      divisionSize[d * bands + b] = shrink(cellAcc, d * bands + b, prior, "hires");
    }
  }
  const departement = Float64Array.from(
    { length: 256 },
    (_, k) => shrink(depAcc, k, national, "hires") / Math.max(national, 1e-9),
  );
  return { naf, nafTakerShare, divisionSize, departement, bands };
}
