import type { Dataset } from "../data/dataset.js";
import { FINANCE_PUBLICATION_MONTHS } from "../data/finances.js";
import { type Day, ymdOfDay } from "../time/day.js";

export const financeFeatureNames = [
  "fin_croissance_ca",
  "fin_marge_nette",
  "fin_croissance_effectif",
  "fin_ca_par_salarie",
];

/** The last fiscal year whose accounts are public on `asOf` (published 6 months after closing). */
export function lastPublishedYear(asOf: Day): number {
  const { year, month } = ymdOfDay(asOf);
  return month > FINANCE_PUBLICATION_MONTHS ? year - 1 : year - 2;
}

/** Growth and margin ratios from the last two published years (NaN where missing). */
export function financeFeatures(
  dataset: Dataset,
  asOf: Day,
  rows: Int32Array,
  col: (name: string) => Float32Array,
): void {
  const [growth, margin, staffGrowth, perHead] = financeFeatureNames.map(col) as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  growth.fill(Number.NaN);
  margin.fill(Number.NaN);
  staffGrowth.fill(Number.NaN);
  perHead.fill(Number.NaN);
  const f = dataset.finances;
  if (!f) return;
  const lastYear = lastPublishedYear(asOf);
  for (let r = 0; r < rows.length; r++) {
    const c = f.companyOf[rows[r] as number] as number;
    if (c < 0) continue;
    let at = -1;
    let before = -1;
    for (let k = (f.offsets[c + 1] as number) - 1; k >= (f.offsets[c] as number); k--) {
      const y = f.years[k] as number;
      if (y > lastYear) continue;
      if (at < 0) {
        if (y === lastYear) at = k;
        else break;
      } else if (y === lastYear - 1) {
        before = k;
        break;
      }
    }
    if (at < 0) continue;
    const rev = f.revenue[at] as number;
    const staff = f.headcount[at] as number;
    margin[r] = rev > 0 ? (f.netResult[at] as number) / rev : Number.NaN;
    perHead[r] = staff > 0 ? Math.log(rev / staff) : Number.NaN;
    if (before >= 0) {
      const revBefore = f.revenue[before] as number;
      const staffBefore = f.headcount[before] as number;
      growth[r] = rev > 0 && revBefore > 0 ? Math.log(rev / revBefore) : Number.NaN;
      staffGrowth[r] = staff > 0 && staffBefore > 0 ? Math.log(staff / staffBefore) : Number.NaN;
    }
  }
}
