import {
  type EstablishmentTable,
  emptyEstablishments,
  FLAG_TRAINING_ORGANISATION,
  OPEN,
  UNKNOWN_CREATION,
} from "../data/establishments.js";
import type { AlgoReference } from "../reference/types.js";
import { type Day, dayOfMonthIndex, monthIndexOfDay } from "../time/day.js";
import type { GeneratorAssumptions } from "./assumptions.js";
import { AliasTable, type Rng } from "./rng.js";

/** The hidden state of each generated establishment: what the oracle knows and the models do not. */
export interface Latents {
  /** Monthly apprenticeship intensity before national level, season, trend and the scale factor (0: never). */
  base: Float32Array;
  /** Yearly log-trend (own + région). */
  trend: Float32Array;
  /** Period month from which the trend is `trendAfter` (a trend that changes sign), and that trend. */
  breakMonth: Int32Array;
  trendAfter: Float32Array;
  /** Period months (0 = first month) from which / until which it takes apprentices, and from which it takes them again (a pause). */
  onMonth: Int32Array;
  offMonth: Int32Array;
  resumeMonth: Int32Array;
  /** Period months of creation (may be negative) and closure (≥ months when open at the end). */
  createdMonth: Int32Array;
  closedMonth: Int32Array;
  /** Other hires per month at trend 0 and average season. */
  otherBase: Float32Array;
  section: Uint8Array;
}

export interface Population {
  table: EstablishmentTable;
  latents: Latents;
  optedOut: Uint8Array;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Draws n establishments: NAF ∝ hires(NAF)^exponent, commune ∝ population, a headcount band,
 * creation and closure dates, valid SIRETs; and their hidden apprenticeship behaviour.
 */
export function drawPopulation(
  reference: AlgoReference,
  a: GeneratorAssumptions,
  n: number,
  firstMonthIndex: number,
  months: number,
  rng: Rng,
  fixed?: EstablishmentTable,
): Population {
  const nafWeights = Array.from(reference.naf.hirings, (h) => (h > 0 ? h ** a.nafMixExponent : 0));
  const nafAlias = new AliasTable(nafWeights);
  const communeAlias = new AliasTable(reference.communes.population);
  const bandCodes = Object.keys(a.sizeBandWeights);
  const bandAlias = new AliasTable(bandCodes.map((c) => a.sizeBandWeights[c] ?? 0));
  const bandIndex = bandCodes.map((c) => reference.sizeBands.index.get(c) ?? 0);
  const nafEffect = Float64Array.from(reference.naf.codes, () => Math.exp(a.nafEffectSd * rng.normal()));
  const depEffect = Float64Array.from(reference.departements.codes, () =>
    Math.exp(a.departementEffectSd * rng.normal()),
  );
  const regionTrend = Float64Array.from(reference.regions.codes, () => a.regionTrendSd * rng.normal());
  const trainingNaf = new Set(a.trainingNaf.map((c) => reference.naf.index.get(c)));

  const table = emptyEstablishments(n);
  const lat: Latents = {
    base: new Float32Array(n),
    trend: new Float32Array(n),
    breakMonth: new Int32Array(n).fill(1_000_000),
    trendAfter: new Float32Array(n),
    onMonth: new Int32Array(n).fill(-1_000_000),
    offMonth: new Int32Array(n).fill(1_000_000),
    resumeMonth: new Int32Array(n).fill(1_000_000),
    createdMonth: new Int32Array(n),
    closedMonth: new Int32Array(n),
    otherBase: new Float32Array(n),
    section: new Uint8Array(n),
  };
  const optedOut = new Uint8Array(n);
  const monthDay = (m: number): Day => dayOfMonthIndex(firstMonthIndex + m);

  for (let i = 0; i < n; i++) {
    const drawnNaf = nafAlias.sample(rng);
    const naf = fixed ? (fixed.naf[i] as number) : drawnNaf;
    const section = reference.naf.section[naf] as number;
    const sectionCode = reference.sections.codes[section] ?? "";
    const drawnBand = bandIndex[bandAlias.sample(rng)] as number;
    const band = fixed && fixed.sizeBand[i] !== 255 ? (fixed.sizeBand[i] as number) : drawnBand;
    const headcount = reference.sizeBands.mid[band] as number;
    const drawnCommune = communeAlias.sample(rng);
    const commune = fixed && (fixed.commune[i] as number) >= 0 ? (fixed.commune[i] as number) : drawnCommune;
    const dep = reference.communes.departement[commune] as number;
    table.siret[i] = fixed ? (fixed.siret[i] as number) : makeSiret(i);
    table.naf[i] = naf;
    table.sizeBand[i] = band;
    table.commune[i] = commune;
    table.departement[i] = dep;
    lat.section[i] = section;

    let created =
      rng.next() < a.createdDuringPeriodShare ? rng.int(months) : -1 - Math.floor(rng.exponential(a.meanAgeYears * 12));
    let closed = Math.max(created, 0) + Math.floor(rng.exponential(12 / a.closureRatePerYear));
    const training = trainingNaf.has(naf) && rng.next() < a.trainingShare;
    if (fixed) {
      // A given directory: its dates and flags are the truth, the behaviour is drawn around them.
      const c = fixed.created[i] as number;
      const f = fixed.closed[i] as number;
      if (c !== UNKNOWN_CREATION) created = monthIndexOfDay(c) - firstMonthIndex;
      closed = f === OPEN ? 1_000_000 : monthIndexOfDay(f) - firstMonthIndex;
      table.created[i] = c;
      table.closed[i] = f;
      table.flags[i] = fixed.flags[i] as number;
    } else {
      table.created[i] = monthDay(created);
      table.closed[i] = closed < months ? monthDay(closed) : OPEN;
      if (training) table.flags[i] = FLAG_TRAINING_ORGANISATION;
    }
    lat.createdMonth[i] = created;
    lat.closedMonth[i] = closed;
    if (rng.next() < a.optedOutShare) optedOut[i] = 1;

    const intensity = a.sectionIntensity[sectionCode] ?? 1;
    const pTaker = Math.min(
      0.98,
      logistic(a.takerLogit.intercept + a.takerLogit.slope * Math.log1p(headcount)) * Math.sqrt(intensity),
    );
    const frailty = rng.meanOneGamma(a.firmFrailtyShape);
    const depTerm = depEffect[dep] ?? 1;
    const potential = intensity * (nafEffect[naf] as number) * headcount ** a.sizeElasticity * frailty * depTerm;
    const trend = a.firmTrendSd * rng.normal() + (regionTrend[reference.departements.region[dep] ?? 0] ?? 0);
    const u = rng.next();
    if (u < pTaker) {
      lat.base[i] = potential;
      if (rng.next() < a.stopperShare) lat.offMonth[i] = rng.int(months);
      // Starters, drawn among non-takers, number `starterShare` of the takers (more among big firms).
    } else if (rng.next() < (a.starterShare * pTaker) / (1 - pTaker)) {
      lat.base[i] = potential;
      lat.onMonth[i] = rng.int(months);
    }
    lat.trend[i] = trend;
    // The harder worlds' traits draw only when enabled, so that other worlds keep their data.
    if (a.pauseShare > 0 && lat.base[i] !== 0 && rng.next() < a.pauseShare) {
      const stop = rng.int(months);
      lat.offMonth[i] = Math.min(lat.offMonth[i] as number, stop);
      lat.resumeMonth[i] = stop + 3 + rng.int(Math.max(1, months - stop));
    }
    if (a.trendBreakShare > 0 && rng.next() < a.trendBreakShare) {
      lat.breakMonth[i] = rng.int(months);
      lat.trendAfter[i] = -(0.5 + rng.next()) * (trend === 0 ? a.firmTrendSd : trend);
    }
    if (a.staleBandShare > 0 && rng.next() < a.staleBandShare) {
      // Frozen at an old census: one or two bands away from the true one (the behaviour keeps the truth).
      const order = bandIndex.indexOf(band);
      const step = (rng.next() < 0.5 ? -1 : 1) * (1 + rng.int(2));
      if (order >= 0)
        table.sizeBand[i] = bandIndex[Math.min(bandIndex.length - 1, Math.max(0, order + step))] as number;
    }
    if (a.unknownBandShare > 0 && rng.next() < a.unknownBandShare) table.sizeBand[i] = 255;
    // Other hires share part of the apprenticeship propensity (log scale) and all of the trend.
    const link = a.otherHiresLink * Math.log(frailty * (nafEffect[naf] as number));
    const noise = Math.sqrt(1 - a.otherHiresLink ** 2) * a.otherHiresSd * rng.normal();
    lat.otherBase[i] =
      ((a.otherHiresPerEmployeeYear * headcount) / 12) * Math.exp(link + noise - a.otherHiresSd ** 2 / 2);
  }
  return { table, latents: lat, optedOut };
}

/**
 * A valid, unique SIRET for establishment i: an 8-digit body (i times a number coprime with 9·10^7,
 * so distinct for every i), its Luhn key (the SIREN), NIC 0001 + key over the 14 digits.
 */
export function makeSiret(i: number): number {
  const body = 10_000_000 + ((i * 7919 + 1_234_567) % 90_000_000);
  const siren = body * 10 + luhnKey(String(body));
  const head = `${siren}0001`;
  return Number(head) * 10 + luhnKey(head);
}

function luhnKey(digits: string): number {
  // Weights 2,1,2,… from the right of the body (the key will sit at the far right).
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = digits.charCodeAt(digits.length - 1 - k) - 48;
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
