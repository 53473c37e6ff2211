import type { Barometer, BarometerFigures, BarometerQuery } from "@tremplin/core";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import { type BarometerRow, barometerRows, listRegions, monthlyMedians } from "./barometer-repository.js";
import type { Db } from "./repository.js";

const parisMonth = (d: Date) =>
  new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" })
    .format(d)
    .slice(0, 7);

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function figures(rows: BarometerRow[], median: number | null): BarometerFigures {
  const sum = (pick: (r: BarometerRow) => number) => rows.reduce((t, r) => t + pick(r), 0);
  const answerable = sum((r) => r.applications_answerable);
  const answered = sum((r) => r.answered_within_7_days);
  return {
    offersPosted: sum((r) => r.offers_posted),
    applicationsToOffers: sum((r) => r.applications_to_offers),
    spontaneousApplications: sum((r) => r.spontaneous_applications),
    applicationsAnswerable: answerable,
    answeredWithin7Days: answered,
    answerRate: answerable === 0 ? null : round(answered / answerable, 4),
    medianDaysToFirstAnswer: median === null ? null : round(median, 1),
    hires: sum((r) => r.hires),
  };
}

/** At most this many months in one answer. */
const MAX_MONTHS = 36;

/**
 * The public barometer: per month, for France or a region, and per month × region. Computed from
 * the data on each call (a few grouped scans; rate-limited): nothing to keep in sync.
 */
export async function getBarometer(deps: { db: Db; clock: Clock }, query: BarometerQuery): Promise<Barometer> {
  const now = deps.clock.now();
  const to = query.to ?? parisMonth(now);
  const from = query.from ?? shiftMonth(to, -11);
  const months = monthsFrom(from, to);
  if (months.length > MAX_MONTHS) {
    throw new AppError("VALIDATION_ERROR", {
      message: `${MAX_MONTHS} mois au plus par demande.`,
      details: [{ path: "from", message: `${MAX_MONTHS} mois au plus par demande.` }],
    });
  }
  const regions = await listRegions(deps.db);
  const region = query.region ? regions.find((r) => r.code === query.region) : undefined;
  if (query.region && !region) throw new AppError("NOT_FOUND", { message: "Cette région n'existe pas." });
  const regionCode = region?.code ?? null;
  const [rows, medians] = await Promise.all([
    barometerRows(deps.db, { fromMonth: from, toMonth: to, now, region: regionCode }),
    monthlyMedians(deps.db, { fromMonth: from, toMonth: to, region: regionCode }),
  ]);
  const medianOf = new Map(medians.map((m) => [m.month, m.median]));
  return {
    from,
    to,
    region: region ? { code: region.code, name: region.name } : null,
    regions,
    months: months.map((month) => ({
      month,
      ...figures(
        rows.filter((r) => r.month === month),
        medianOf.get(month) ?? null,
      ),
    })),
    byRegion: region
      ? []
      : rows.map((r) => ({
          month: r.month,
          regionCode: r.region_code,
          ...figures([r], r.median_days_to_first_answer),
        })),
    computedAt: now.toISOString(),
  };
}
