import { parisDay } from "@tremplin/core";
import type { AppDeps } from "../../app-deps.js";
import { addDailyCounts, type DailyCount } from "./repository.js";

export type OfferMetric = "impressions" | "views" | "applyClicks";

/** How often an instance writes what it counted; also written at once past MAX_KEYS, and at close. */
const FLUSH_EVERY_MS = 10_000;
const MAX_KEYS = 20_000;

/**
 * Audience counters of the offers, kept in memory per instance and written in one statement every
 * few seconds: a search shows 10 to 20 offers, and a row written per offer shown would put an
 * upsert on the hot path of every search (ADR 015). What an instance has not written yet is lost if
 * it is killed (10 s at most): acceptable for an audience figure. One per app, built by services.ts
 * (search, offer pages and stats share it) and stopped when the app closes.
 */
export class OfferCounters {
  #pending = new Map<string, DailyCount>();
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Pick<AppDeps, "db" | "clock">) {}

  add(metric: OfferMetric, offerIds: readonly string[]): void {
    if (offerIds.length === 0) return;
    const day = parisDay(this.deps.clock.now());
    for (const offerId of offerIds) {
      const key = `${offerId}|${day}`;
      let entry = this.#pending.get(key);
      if (!entry) {
        entry = { offerId, day, impressions: 0, views: 0, applyClicks: 0 };
        this.#pending.set(key, entry);
      }
      entry[metric]++;
    }
    if (this.#pending.size >= MAX_KEYS) void this.flush().catch(() => {});
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.flush().catch(() => {});
    }, FLUSH_EVERY_MS).unref();
  }

  /** Writes what was counted so far (the owner's stats call it first, so they read their own instance's figures). */
  flush(): Promise<void> {
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    if (batch.length === 0) return this.#writing;
    this.#writing = this.#writing.then(() => addDailyCounts(this.deps.db.db, batch));
    return this.#writing;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}
