import type { Dataset } from "../data/dataset.js";
import { CONTRACT_PRO, countInWindow, HIRE_CDI } from "../data/events.js";
import type { AlgoReference } from "../reference/types.js";
import { addMonths, type Day, type DayWindow, halfYearAfter, monthsBetween } from "../time/day.js";
import { financeFeatureNames, financeFeatures } from "./finance.js";
import { groupRates } from "./groups.js";
import { History } from "./history.js";
import type { FeatureMatrix } from "./matrix.js";

/** Half-year counts of other hires used as features (3 years). */
const OTHER_HALVES = 6;

/** The feature names for K half-year counts (the model stores K so that prediction matches training). */
export function featureNames(halfYears: number): string[] {
  return [
    ...Array.from({ length: halfYears }, (_, k) => `alt_s${k}`),
    "alt_12m",
    "alt_36m",
    "alt_total",
    "alt_pro_24m",
    "alt_tendance",
    "alt_semestres_actifs",
    "alt_max_semestre",
    "mois_depuis_dernier",
    "mois_depuis_avant_dernier",
    ...Array.from({ length: 4 }, (_, k) => `autres_s${k}`),
    "autres_12m",
    "autres_36m",
    "autres_tendance",
    "autres_part_cdi",
    "tranche_effectif",
    "effectif",
    "age_mois",
    "mois_observes",
    "taux_naf",
    "part_recruteurs_naf",
    "taux_division_taille",
    "indice_departement",
    "part_saison",
    "alt_bayes",
    "alt_bayes_ratio",
    ...financeFeatureNames,
  ];
}

/** Establishments that exist and are open on the as-of date: the population a prediction ranks. */
export function eligibleRows(dataset: Dataset, asOf: Day): Int32Array {
  const e = dataset.establishments;
  const out: number[] = [];
  for (let i = 0; i < e.n; i++) if ((e.created[i] as number) < asOf && (e.closed[i] as number) > asOf) out.push(i);
  return Int32Array.from(out);
}

/** Apprenticeship contracts of each row in a window (the target, or the actual hires to evaluate against). */
export function countContracts(
  dataset: Dataset,
  rows: Int32Array,
  window: DayWindow = { start: 0, end: 0 },
): Float32Array {
  return Float32Array.from(rows, (i) => countInWindow(dataset.contracts, i, window.start, window.end));
}

export function targetWindow(asOf: Day): DayWindow {
  return halfYearAfter(asOf);
}

/**
 * Builds the features of `rows` as of `asOf`, strictly from events dated before `asOf` (every
 * read goes through History) and accounts published before it. Half-year windows that start
 * before the data coverage are NaN: "unknown" must not read as "no hire".
 */
export function buildFeatures(
  dataset: Dataset,
  reference: AlgoReference,
  asOf: Day,
  rows: Int32Array,
  halfYears: number,
): FeatureMatrix {
  const names = featureNames(halfYears);
  const n = rows.length;
  const columns = names.map(() => new Float32Array(n));
  const col = (name: string) => columns[names.indexOf(name)] as Float32Array;
  const history = new History(asOf, Math.max(halfYears, OTHER_HALVES));
  const coveredHalves = (history.bounds as Int32Array).map((b) => (b >= dataset.coverage.start ? 1 : 0));
  const alt = new Float64Array(halfYears);
  const pro = new Float64Array(halfYears);
  const other = new Float64Array(OTHER_HALVES);
  const cdi = new Float64Array(OTHER_HALVES);
  const recent = new Float64Array(n);
  const taker = new Float64Array(n);
  // Decayed sums of the known half-years, for the shrunk own rate (see ownRateShrunk).
  const decayedHires = new Float64Array(n);
  const decayedExposure = new Float64Array(n);
  const altCols = alt.map((_, k) => names.indexOf(`alt_s${k}`));
  const otherCols = [0, 1, 2, 3].map((k) => names.indexOf(`autres_s${k}`));
  const e = dataset.establishments;
  const coverageMonths = monthsBetween(dataset.coverage.start, asOf);

  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    const [last, previous] = history.countHalfYears(dataset.contracts, i, alt, CONTRACT_PRO, pro);
    let total = 0;
    let active = 0;
    let max = 0;
    for (let k = 0; k < halfYears; k++) {
      const v = alt[k] as number;
      const known = coveredHalves[k + 1] === 1;
      (columns[altCols[k] as number] as Float32Array)[r] = known ? v : Number.NaN;
      total += v;
      if (known) {
        const weight = OWN_RATE_DECAY ** k;
        decayedHires[r] = (decayedHires[r] as number) + weight * v;
        decayedExposure[r] = (decayedExposure[r] as number) + weight;
      }
      if (v > 0) active++;
      if (v > max) max = v;
    }
    const a0 = alt[0] as number;
    const a1 = (alt[1] as number) ?? 0;
    const sum = (arr: Float64Array, upto: number) => arr.slice(0, upto).reduce((s, x) => s + x, 0);
    recent[r] = a0 + a1;
    const last36 = sum(alt, 6);
    taker[r] = last36 > 0 ? 1 : 0;
    col("alt_12m")[r] = a0 + a1;
    col("alt_36m")[r] = last36;
    col("alt_total")[r] = total;
    col("alt_pro_24m")[r] = sum(pro, 4);
    col("alt_tendance")[r] = Math.log((a0 + a1 + 0.5) / (sum(alt, 4) - a0 - a1 + 0.5));
    col("alt_semestres_actifs")[r] = active;
    col("alt_max_semestre")[r] = max;
    col("mois_depuis_dernier")[r] = Number.isNaN(last) ? Number.NaN : monthsBetween(last, asOf);
    col("mois_depuis_avant_dernier")[r] = Number.isNaN(previous) ? Number.NaN : monthsBetween(previous, asOf);

    history.countHalfYears(dataset.hires, i, other, HIRE_CDI, cdi);
    for (let k = 0; k < 4; k++) (columns[otherCols[k] as number] as Float32Array)[r] = other[k] as number;
    const o12 = sum(other, 2);
    const o36 = sum(other, 6);
    col("autres_12m")[r] = o12;
    col("autres_36m")[r] = o36;
    col("autres_tendance")[r] = Math.log((o12 + 0.5) / (sum(other, 4) - o12 + 0.5));
    col("autres_part_cdi")[r] = o36 > 0 ? sum(cdi, 6) / o36 : Number.NaN;

    const band = e.sizeBand[i] as number;
    col("tranche_effectif")[r] = band === 255 ? Number.NaN : band;
    col("effectif")[r] = band === 255 ? Number.NaN : (reference.sizeBands.mid[band] as number);
    const created = e.created[i] as number;
    const age = created <= -2_000_000_000 ? Number.NaN : monthsBetween(created, asOf);
    col("age_mois")[r] = age;
    col("mois_observes")[r] = Number.isNaN(age) ? coverageMonths : Math.min(age, coverageMonths);
  }

  const rates = groupRates(dataset, reference, rows, recent, taker);
  const season = seasonShare(dataset, asOf);
  const groupHalfYear = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    const naf = e.naf[i] as number;
    const band = Math.min(e.sizeBand[i] as number, rates.bands - 1);
    const cell = rates.divisionSize[(reference.naf.division[naf] as number) * rates.bands + band] as number;
    col("taux_naf")[r] = rates.naf[naf] as number;
    col("part_recruteurs_naf")[r] = rates.nafTakerShare[naf] as number;
    col("taux_division_taille")[r] = cell;
    col("indice_departement")[r] = rates.departement[e.departement[i] as number] as number;
    col("part_saison")[r] = season;
    // The cell's 12-month rate, per half-year, in proportion of the NAF's own rate to its division's.
    groupHalfYear[r] = cell / 2;
  }
  ownRateShrunk(decayedHires, decayedExposure, groupHalfYear, col("alt_bayes"), col("alt_bayes_ratio"));
  financeFeatures(dataset, asOf, rows, (name) => col(name));
  return { asOf, rows, names, columns };
}

/** Weight of half-year k in the own rate: recent half-years count more (0.8^k). */
export const OWN_RATE_DECAY = 0.8;

/**
 * Empirical-Bayes shrinkage of each establishment's own rate (decayed hires per decayed observed
 * half-year) toward its group's rate: with a gamma prior of mean g and shape α on its rate, the
 * posterior mean is (hires + α·g) / (exposure + α). α is estimated by the method of moments on the
 * same rows (Poisson–gamma: E[(y − E·g)² − y] = (E·g)²/α), so a world with steady employers trusts
 * the own history and a noisy one trusts the group. `ratio` = shrunk rate / group rate.
 */
export function ownRateShrunk(
  hires: Float64Array,
  exposure: Float64Array,
  group: Float64Array,
  out: Float32Array,
  ratio: Float32Array,
): number {
  let excess = 0;
  let squared = 0;
  for (let r = 0; r < hires.length; r++) {
    const expected = (exposure[r] as number) * (group[r] as number);
    const y = hires[r] as number;
    excess += (y - expected) ** 2 - y;
    squared += expected * expected;
  }
  const alpha = excess > 0 ? Math.min(50, Math.max(0.05, squared / excess)) : 50;
  for (let r = 0; r < hires.length; r++) {
    const g = group[r] as number;
    const rate = ((hires[r] as number) + alpha * g) / ((exposure[r] as number) + alpha);
    out[r] = rate;
    ratio[r] = g > 0 ? rate / g : Number.NaN;
  }
  return alpha;
}

/**
 * Share of the last year's national contracts that started in the same six calendar months as
 * the target window (one year earlier): tells the model whether it predicts the busy season.
 */
export function seasonShare(dataset: Dataset, asOf: Day): number {
  const yearAgo = addMonths(asOf, -12);
  const sameSeason = addMonths(asOf, -6);
  const days = dataset.contracts.days;
  let inSeason = 0;
  let inYear = 0;
  for (let e = 0; e < days.length; e++) {
    const d = days[e] as number;
    if (d >= yearAgo && d < asOf) {
      inYear++;
      if (d < sameSeason) inSeason++;
    }
  }
  return inYear > 0 ? inSeason / inYear : 0.5;
}
