import type { Clock } from "../../lib/clock.js";
import * as repo from "./repository.js";

/** How long a copy of the ROME tree is trusted: a reference reload shows within this delay. */
const FRESH_FOR_MS = 30_000;

/**
 * The 1,584 ROME fiches and their classic (parent) codes, kept in memory per app: every search needs
 * the fiches behind the codes asked, and reading them from the database was one round trip of each
 * search (bench/README.md, « search »). Re-read at most every 30 s, like the autocomplete indexes.
 */
export class RomeTree {
  #parents = new Map<string, string>();
  #children = new Map<string, string[]>();
  #readAt = Number.NEGATIVE_INFINITY;
  #reading: Promise<void> | null = null;

  constructor(
    private readonly db: repo.Db,
    private readonly clock: Clock,
  ) {}

  /** ROME 4 fiches behind the codes (themselves and the children of classic codes), and their classic codes. */
  async expand(codes: string[]): Promise<{ fiches: string[]; classics: string[] }> {
    await this.#fresh();
    const fiches = new Set<string>();
    const classics = new Set<string>();
    for (const code of codes) {
      const parent = this.#parents.get(code);
      if (parent !== undefined) {
        fiches.add(code);
        classics.add(parent);
      }
      for (const child of this.#children.get(code) ?? []) fiches.add(child);
    }
    return { fiches: [...fiches], classics: [...classics] };
  }

  async #fresh(): Promise<void> {
    if (this.clock.now().getTime() - this.#readAt < FRESH_FOR_MS) return;
    this.#reading ??= this.#read().finally(() => {
      this.#reading = null;
    });
    await this.#reading;
  }

  async #read(): Promise<void> {
    const rows = await repo.allRomeFiches(this.db);
    const parents = new Map<string, string>();
    const children = new Map<string, string[]>();
    for (const r of rows) {
      parents.set(r.rome_code, r.parent_rome_code);
      children.set(r.parent_rome_code, [...(children.get(r.parent_rome_code) ?? []), r.rome_code]);
    }
    this.#parents = parents;
    this.#children = children;
    this.#readAt = this.clock.now().getTime();
  }
}
