import {
  CONTRACT_APP,
  CONTRACT_PRO,
  type EventStore,
  HIRE_CDD,
  HIRE_CDI,
  SequentialEventWriter,
} from "../data/events.js";
import type { AlgoReference } from "../reference/types.js";
import { dayOfMonthIndex } from "../time/day.js";
import type { GeneratorAssumptions } from "./assumptions.js";
import type { Latents } from "./population.js";
import { AliasTable, type Rng } from "./rng.js";

export interface Simulation {
  contracts: EventStore;
  hires: EventStore;
  /**
   * Expected apprenticeship hires (the generator's truth) per half-year counted back from the
   * period end: values[h · n + i] for half-year h (h = 0: the last six months) of establishment i.
   */
  oracle: Float32Array;
  halfYears: number;
}

/**
 * Season factors (mean 1 over the year) for each NAF section and calendar month. With
 * `ownSectionSeasonSpread` and a generator, each section draws its own season (a random shift and
 * log-normal noise on each month's weight).
 */
export function seasonTable(
  a: GeneratorAssumptions,
  sections: string[],
  weights: number[],
  strength: number,
  rng?: Rng,
): Float64Array[] {
  const own = rng && a.ownSectionSeasonSpread > 0;
  return sections.map((code) => {
    const shift = own ? rng.int(12) - 6 : (a.sectionSeasonShift[code] ?? 0);
    const noise = Array.from({ length: 12 }, () => (own ? Math.exp(a.ownSectionSeasonSpread * rng.normal()) : 1));
    const w = Array.from(
      { length: 12 },
      (_, m) => ((weights[(((m - shift) % 12) + 12) % 12] as number) * (noise[m] as number)) ** strength,
    );
    const mean = w.reduce((s, x) => s + x, 0) / 12;
    return Float64Array.from(w, (x) => x / mean);
  });
}

/** National level of each period month (1 at mid-period), with the growth switching at `nationalGrowthChange`. */
export function nationalLevels(a: GeneratorAssumptions, months: number): Float64Array {
  const mid = months / 2;
  const change = a.nationalGrowthChange;
  if (!change)
    return Float64Array.from({ length: months }, (_, m) =>
      Math.exp(Math.log1p(a.nationalGrowthPerYear) * ((m - mid) / 12)),
    );
  const at = Math.round(change.atShare * months);
  const log = new Float64Array(months);
  for (let m = 1; m < months; m++)
    log[m] = (log[m - 1] as number) + Math.log1p(m <= at ? a.nationalGrowthPerYear : change.growthPerYear) / 12;
  const shift = log[Math.floor(mid)] as number;
  return log.map((x) => Math.exp(x - shift));
}

/**
 * Month-by-month simulation of every establishment. Intensity of month m:
 *   λ = scale · base · national(m) · season(section, month) · e^(trend·t) · occupancy + renewal(m)
 * where occupancy and renewal read hires at least 6 months old, so that the expected hires of a
 * half-year window given everything before it is exactly the sum of its λ (the oracle). Realised
 * hires are Poisson(λ · shock), the shock being a mean-one gamma per establishment and half-year.
 */
export function simulate(
  reference: AlgoReference,
  a: GeneratorAssumptions,
  lat: Latents,
  naf: Uint16Array,
  firstMonthIndex: number,
  months: number,
  scale: number,
  rng: Rng,
  season: Float64Array[] = seasonTable(a, reference.sections.codes, a.monthWeights, a.seasonalityStrength),
): Simulation {
  const n = lat.base.length;
  const halfYears = Math.ceil(months / 6);
  const oracle = new Float32Array(halfYears * n);
  const contracts = new SequentialEventWriter(n, Math.ceil(n * a.contractsPerEstablishmentYear * (months / 12) * 1.3));
  const hires = new SequentialEventWriter(n, Math.ceil(n * 2));
  const otherSeason = seasonTable({ ...a, sectionSeasonShift: {} }, ["*"], a.otherMonthWeights, 1)[0] as Float64Array;
  const mid = months / 2;
  const national = nationalLevels(a, months);
  const startDay = Int32Array.from({ length: months + 1 }, (_, m) => dayOfMonthIndex(firstMonthIndex + m));
  const romeAlias = affinityAliases(reference);
  const { delayMonths, spreadMonths, probability } = a.renewal;
  const kernelWidth = 2 * spreadMonths + 1;
  const renewal = new Float64Array(months + delayMonths + spreadMonths + 1);
  const history = new Int32Array(months);
  const dayScratch: number[] = [];

  for (let i = 0; i < n; i++) {
    contracts.next(i);
    hires.next(i);
    const from = Math.max(0, lat.createdMonth[i] as number);
    const to = Math.min(months, lat.closedMonth[i] as number);
    if (from >= to) continue;
    const base = (lat.base[i] as number) * scale;
    const section = season[lat.section[i] as number] as Float64Array;
    const onMonth = lat.onMonth[i] as number;
    const offMonth = lat.offMonth[i] as number;
    const resumeMonth = lat.resumeMonth[i] as number;
    const capacity = 1 + a.occupancy.placesPerYearlyHire * base * 12;
    const trend = lat.trend[i] as number;
    const breakMonth = lat.breakMonth[i] as number;
    const trendAfter = lat.trendAfter[i] as number;
    let stepTrend = Math.exp((from < breakMonth ? trend : trendAfter) / 12);
    let trendFactor =
      from <= breakMonth
        ? Math.exp((trend * (from - mid)) / 12)
        : Math.exp((trend * (breakMonth - mid) + trendAfter * (from - breakMonth)) / 12);
    const otherBase = lat.otherBase[i] as number;
    const alias = romeAlias[naf[i] as number];
    const takes = base > 0;
    if (takes) renewal.fill(0);
    let occupied = 0;
    let shock = 1;
    let shockPeriod = -1;
    for (let m = from; m < to; m++, trendFactor *= stepTrend) {
      if (m === breakMonth) stepTrend = Math.exp(trendAfter / 12);
      const calMonth = (firstMonthIndex + m) % 12;
      const days = (startDay[m + 1] as number) - (startDay[m] as number);
      if (takes) {
        // Hires 6…17 months ago hold tutoring capacity.
        if (m - 6 >= from) occupied += history[m - 6] as number;
        if (m - 18 >= from) occupied -= history[m - 18] as number;
        const on = (m >= onMonth && m < offMonth) || m >= resumeMonth;
        let lambda = 0;
        if (on) {
          const damp = Math.max(0.1, 1 - (a.occupancy.strength * occupied) / capacity);
          lambda =
            (renewal[m] as number) +
            base * (national[m] as number) * (section[calMonth] as number) * trendFactor * damp;
        }
        const h = Math.floor((months - 1 - m) / 6);
        oracle[h * n + i] = (oracle[h * n + i] as number) + lambda;
        const period = Math.floor((firstMonthIndex + m) / 6);
        if (period !== shockPeriod) {
          shockPeriod = period;
          shock = rng.meanOneGamma(a.halfYearNoiseShape);
        }
        const k = lambda > 0 ? rng.poisson(lambda * shock) : 0;
        history[m] = k;
        if (k > 0) {
          drawDays(rng, k, startDay[m] as number, days, dayScratch);
          for (const day of dayScratch) {
            const kind = rng.next() < a.proShare ? CONTRACT_PRO : CONTRACT_APP;
            contracts.push(
              day,
              kind,
              alias ? (reference.affinity.rome[alias.offset + alias.table.sample(rng)] as number) + 1 : 0,
            );
          }
          if (probability > 0) {
            // Each hire may come back as a replacement about two years later (end of a diploma).
            const add = (k * probability) / kernelWidth;
            for (let d = delayMonths - spreadMonths; d <= delayMonths + spreadMonths; d++)
              renewal[m + d] = (renewal[m + d] as number) + add;
          }
        }
      }
      const otherLambda = otherBase * (otherSeason[calMonth] as number) * trendFactor;
      const k2 = rng.poisson(otherLambda);
      if (k2 > 0) {
        drawDays(rng, k2, startDay[m] as number, days, dayScratch);
        for (const day of dayScratch) hires.push(day, rng.next() < a.cdiShare ? HIRE_CDI : HIRE_CDD);
      }
    }
  }
  return { contracts: contracts.finish(), hires: hires.finish(), oracle, halfYears };
}

function drawDays(rng: Rng, k: number, first: number, days: number, out: number[]): void {
  out.length = 0;
  for (let j = 0; j < k; j++) out.push(first + rng.int(days));
  if (k > 1) out.sort((x, y) => x - y);
}

/** One alias table per NAF over its ROME affinity (to give generated contracts a job). */
function affinityAliases(reference: AlgoReference): ({ offset: number; table: AliasTable } | null)[] {
  const { offsets, share } = reference.affinity;
  return reference.naf.codes.map((_, ni) => {
    const from = offsets[ni] as number;
    const to = offsets[ni + 1] as number;
    return to > from ? { offset: from, table: new AliasTable(share.subarray(from, to)) } : null;
  });
}
