import type { Dataset } from "../data/dataset.js";
import type { EstablishmentTable } from "../data/establishments.js";
import type { EventStore } from "../data/events.js";
import type { FinanceStore } from "../data/finances.js";
import type { AlgoReference } from "../reference/types.js";
import { type Day, type DayWindow, dayFromYmd, dayOfMonthIndex, monthIndexOfDay, ymdOfDay } from "../time/day.js";
import { defaultAssumptions, type GeneratorAssumptions } from "./assumptions.js";
import { drawPopulation, type Latents } from "./population.js";
import { Rng } from "./rng.js";
import { seasonTable, simulate } from "./simulate.js";

export interface GenerateOptions {
  establishments: number;
  years: number;
  seed: number;
  /** First day after the period (a 1st of the month); default 2025-01-01 so that data never depends on the clock. */
  end?: Day;
  assumptions?: GeneratorAssumptions;
  /**
   * Simulate the histories of these establishments (a directory that already exists, e.g. the
   * demo's) instead of drawing new ones: their SIRET, NAF, size band, commune, dates and flags are
   * kept; unknown bands and communes are drawn. Its `n` must equal `establishments`.
   */
  population?: EstablishmentTable;
}

export interface GeneratedData {
  dataset: Dataset;
  assumptions: GeneratorAssumptions;
  seed: number;
  /** Establishments that asked not to be shown (fictional, for the demo of exposure rules). */
  optedOut: Uint8Array;
  /** The generator's true expected apprenticeship hires for a half-year window ending at the period end or 6·k months before. */
  oracle: (window: DayWindow) => Float32Array;
  latents: Latents;
}

export const DEFAULT_END: Day = dayFromYmd(2025, 1, 1);

/** Generates a fictional, national-shaped data set and its oracle (see docs/algorithm.md § Generator). */
export function generateDataset(reference: AlgoReference, options: GenerateOptions): GeneratedData {
  const a = options.assumptions ?? defaultAssumptions;
  const end = options.end ?? DEFAULT_END;
  if (ymdOfDay(end).day !== 1) throw new Error("La fin de période doit être un premier du mois");
  const months = Math.round(options.years * 12);
  const lastMonth = monthIndexOfDay(end);
  const firstMonth = lastMonth - months;
  const rng = new Rng(options.seed);
  if (options.population && options.population.n !== options.establishments)
    throw new Error("La population fournie doit compter exactement `establishments` établissements");
  const pop = drawPopulation(reference, a, options.establishments, firstMonth, months, rng.fork(1), options.population);
  // Own seasons per section draw from a fork of their own, so that other worlds keep their data.
  const season = seasonTable(
    a,
    reference.sections.codes,
    a.monthWeights,
    a.seasonalityStrength,
    a.ownSectionSeasonSpread > 0 ? rng.fork(4) : undefined,
  );
  const scale = calibrate(reference, a, pop.latents, pop.table.naf, firstMonth, months, options.establishments, season);
  const sim = simulate(reference, a, pop.latents, pop.table.naf, firstMonth, months, scale, rng.fork(2), season);
  const finances = drawFinances(pop.latents, reference, pop.table.sizeBand, firstMonth, months, a, rng.fork(3));
  const n = options.establishments;
  const dataset: Dataset = {
    establishments: pop.table,
    contracts: sim.contracts,
    hires: a.otherSources ? sim.hires : emptyEvents(n),
    finances: a.otherSources ? finances : emptyFinances(n),
    coverage: { start: dayOfMonthIndex(firstMonth), end },
  };
  const oracle = (window: DayWindow): Float32Array => {
    const fromEnd = lastMonth - monthIndexOfDay(window.end);
    const length = monthIndexOfDay(window.end) - monthIndexOfDay(window.start);
    if (length !== 6 || fromEnd % 6 !== 0 || ymdOfDay(window.end).day !== 1 || fromEnd / 6 >= sim.halfYears)
      throw new Error("Oracle : fenêtre de 6 mois alignée sur la fin de période attendue");
    const h = fromEnd / 6;
    return sim.oracle.subarray(h * n, (h + 1) * n);
  };
  return { dataset, assumptions: a, seed: options.seed, optedOut: pop.optedOut, oracle, latents: pop.latents };
}

/**
 * The scale that makes the expected contracts match `contractsPerEstablishmentYear`: sums each
 * taker's season × trend × national exposure over its active months.
 */
function calibrate(
  reference: AlgoReference,
  a: GeneratorAssumptions,
  lat: Latents,
  naf: Uint16Array,
  firstMonth: number,
  months: number,
  n: number,
  season: Float64Array[],
): number {
  const mid = months / 2;
  const growth = Math.log1p(a.nationalGrowthPerYear);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = lat.base[i] as number;
    if (base === 0) continue;
    const from = Math.max(0, lat.createdMonth[i] as number, lat.onMonth[i] as number);
    const to = Math.min(months, lat.closedMonth[i] as number, lat.offMonth[i] as number);
    const s = season[lat.section[i] as number] as Float64Array;
    const rate = growth + (lat.trend[i] as number);
    let sum = 0;
    for (let m = from; m < to; m++) sum += (s[(firstMonth + m) % 12] as number) * Math.exp((rate * (m - mid)) / 12);
    total += base * sum;
  }
  const target = a.contractsPerEstablishmentYear * n * (months / 12);
  if (!(total > 0)) return 0;
  // Renewal and occupancy feed back on past hires: a pilot run on a sample measures their net
  // effect on the expected total (the oracle, not the noisy realisation) and corrects the scale.
  const scale = target / total;
  const step = Math.max(1, Math.floor(n / 20_000));
  const sample = sampleLatents(lat, step);
  const pilot = simulate(reference, a, sample.latents, sample.naf(naf), firstMonth, months, scale, new Rng(7), season);
  let expected = 0;
  for (const v of pilot.oracle) expected += v;
  const sampleTarget = a.contractsPerEstablishmentYear * sample.size * (months / 12);
  return expected > 0 ? (scale * sampleTarget) / expected : scale;
}

function emptyEvents(n: number): EventStore {
  return {
    offsets: new Int32Array(n + 1),
    days: new Int32Array(0),
    kinds: new Uint8Array(0),
    romes: new Uint16Array(0),
  };
}

function emptyFinances(n: number): FinanceStore {
  return {
    companyOf: new Int32Array(n).fill(-1),
    offsets: Int32Array.from([0]),
    years: new Int16Array(0),
    revenue: new Float64Array(0),
    netResult: new Float64Array(0),
    headcount: new Float32Array(0),
  };
}

function sampleLatents(
  lat: Latents,
  step: number,
): { latents: Latents; size: number; naf: (all: Uint16Array) => Uint16Array } {
  const size = Math.ceil(lat.base.length / step);
  const pick = <T extends Float32Array | Int32Array | Uint8Array>(arr: T): T =>
    arr.filter((_: number, i: number) => i % step === 0) as T;
  const latents: Latents = {
    base: pick(lat.base),
    trend: pick(lat.trend),
    breakMonth: pick(lat.breakMonth),
    trendAfter: pick(lat.trendAfter),
    onMonth: pick(lat.onMonth),
    offMonth: pick(lat.offMonth),
    resumeMonth: pick(lat.resumeMonth),
    createdMonth: pick(lat.createdMonth),
    closedMonth: pick(lat.closedMonth),
    otherBase: new Float32Array(size),
    section: pick(lat.section),
  };
  return { latents, size, naf: (all) => all.filter((_, i) => i % step === 0) };
}

/** Yearly accounts for a share of companies: headcount and revenue follow the hidden trend, with noise. */
function drawFinances(
  lat: Latents,
  reference: AlgoReference,
  sizeBand: Uint8Array,
  firstMonth: number,
  months: number,
  a: GeneratorAssumptions,
  rng: Rng,
): FinanceStore {
  const n = lat.base.length;
  const companyOf = new Int32Array(n).fill(-1);
  const offsets: number[] = [0];
  const years: number[] = [];
  const revenue: number[] = [];
  const netResult: number[] = [];
  const headcount: number[] = [];
  const firstYear = Math.floor(firstMonth / 12) - 1;
  const lastYear = Math.floor((firstMonth + months) / 12) - 1;
  const midYear = (firstMonth + months / 2) / 12;
  for (let i = 0; i < n; i++) {
    if (rng.next() >= a.financesShare) continue;
    const mid = reference.sizeBands.mid[sizeBand[i] as number] as number;
    const productivity = 120_000 * Math.exp(0.4 * rng.normal());
    const margin = 0.04 + 0.05 * rng.normal();
    const trend = lat.trend[i] as number;
    let rows = 0;
    for (let y = firstYear; y <= lastYear; y++) {
      const yStart = y * 12 - firstMonth;
      if (yStart + 12 <= (lat.createdMonth[i] as number) || yStart >= (lat.closedMonth[i] as number)) continue;
      const t = y + 0.5 - midYear;
      const staff = Math.max(0, mid * Math.exp(trend * t + 0.08 * rng.normal()));
      const sales = staff * productivity * Math.exp(0.05 * rng.normal());
      years.push(y);
      headcount.push(Math.round(staff * 10) / 10);
      revenue.push(Math.round(sales));
      netResult.push(Math.round(sales * (margin + 0.5 * trend + 0.02 * rng.normal())));
      rows++;
    }
    if (rows > 0) {
      companyOf[i] = offsets.length - 1;
      offsets.push(years.length);
    }
  }
  return {
    companyOf,
    offsets: Int32Array.from(offsets),
    years: Int16Array.from(years),
    revenue: Float64Array.from(revenue),
    netResult: Float64Array.from(netResult),
    headcount: Float32Array.from(headcount),
  };
}
