import { type OfferStats, parisDay } from "@tremplin/core";
import type { AppDeps } from "../../app-deps.js";
import type { OffersDeps } from "../offers/context.js";
import { getOwnerOffer } from "../offers/lifecycle-service.js";
import type { OfferCounters } from "./counters.js";
import * as repo from "./repository.js";

/** The series is at most this long: a chart of a few months stays readable. */
export const STATS_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * An offer's audience per day, for someone who manages it (the offers module checks that, with the
 * same 404 as for the offer itself), from its creation (or 90 days back) to today.
 */
export async function getOfferStats(
  deps: Pick<AppDeps, "db" | "clock">,
  offersDeps: OffersDeps,
  counters: OfferCounters,
  offerId: string,
  userId: string,
): Promise<OfferStats> {
  const offer = await getOwnerOffer(offersDeps, offerId, userId);
  await counters.flush();
  const to = parisDay(deps.clock.now());
  const created = parisDay(new Date(offer.createdAt));
  const floor = new Date(Date.parse(`${to}T12:00:00Z`) - (STATS_MAX_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM-DD" strings, not numbers; compared as text they sort like their days.
  const latestStart = created > to ? to : created;
  const from = created > floor ? latestStart : floor;
  const db = deps.db.db;
  const [counts, applications] = await Promise.all([
    repo.dailyCounts(db, offerId, from, to),
    repo.applicationsPerDay(db, offerId, from, to),
  ]);
  const countByDay = new Map(counts.map((c) => [String(c.day), c]));
  const applicationsByDay = new Map(applications.map((a) => [a.day, a.n]));
  const days = daysBetween(from, to).map((day) => {
    const c = countByDay.get(day);
    return {
      day,
      impressions: c?.impressions ?? 0,
      views: c?.views ?? 0,
      applyClicks: c?.apply_clicks ?? 0,
      applications: applicationsByDay.get(day) ?? 0,
    };
  });
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    offerId,
    from,
    to,
    days,
    totals: {
      impressions: sum((d) => d.impressions),
      views: sum((d) => d.views),
      applyClicks: sum((d) => d.applyClicks),
      applications: sum((d) => d.applications),
    },
  };
}

/** A candidate started applying (the apply button or the form): counted, never an error for them. */
export function recordApplyClick(counters: OfferCounters, offerId: string): void {
  counters.add("applyClicks", [offerId]);
}
