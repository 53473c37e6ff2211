import { type Commune, LabelIndex } from "@tremplin/core";
import type { Clock } from "../../lib/clock.js";
import { presentCommune } from "./presenter.js";
import * as repo from "./repository.js";

export interface AppellationItem {
  label: string;
  principal: boolean;
  rarelyUsed: boolean;
  codeOgr: string;
  romeCode: string;
  romeLabel: string;
}

export interface CommuneItem extends Commune {
  label: string;
  weight: number;
}

/** How often an instance checks whether reference data was reloaded (by the CLI or another instance). */
const FRESHNESS_CHECK_MS = 30_000;

interface Cached<T extends { label: string }> {
  version: string;
  index: LabelIndex<T>;
  checkedAt: number;
}

/**
 * Typo-tolerant autocomplete indexes over the reference tables, kept in memory per instance
 * (ADR 0002): built on first use, rebuilt when `reference_datasets.loaded_at` moves.
 */
export class ReferenceSearchIndexes {
  #appellations: Cached<AppellationItem> | undefined;
  #communes: Cached<CommuneItem> | undefined;
  #building = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: repo.Db,
    private readonly clock: Clock,
  ) {}

  appellations(): Promise<LabelIndex<AppellationItem>> {
    return this.#get(
      "rome",
      () => this.#appellations,
      (c) => (this.#appellations = c),
      async () => {
        const rows = await repo.loadAppellationsForIndex(this.db);
        return rows.map((r) => ({
          label: r.label,
          principal: r.principal,
          rarelyUsed: r.rarely_used,
          codeOgr: r.code_ogr,
          romeCode: r.rome_code,
          romeLabel: r.rome_label,
        }));
      },
    );
  }

  communes(): Promise<LabelIndex<CommuneItem>> {
    return this.#get(
      "geo",
      () => this.#communes,
      (c) => (this.#communes = c),
      async () => {
        const rows = await repo.loadCommunesForIndex(this.db);
        return rows.map((r) => ({ ...presentCommune(r), label: r.name, weight: r.population }));
      },
    );
  }

  async #get<T extends { label: string }>(
    dataset: string,
    read: () => Cached<T> | undefined,
    write: (cached: Cached<T>) => void,
    load: () => Promise<T[]>,
  ): Promise<LabelIndex<T>> {
    const now = this.clock.now().getTime();
    const cached = read();
    if (cached && now - cached.checkedAt < FRESHNESS_CHECK_MS) return cached.index;
    const version = await repo.findDatasetLoadedAt(this.db, dataset);
    if (cached && cached.version === version) {
      cached.checkedAt = now;
      return cached.index;
    }
    // One build at a time per dataset, however many requests arrive meanwhile.
    let building = this.#building.get(dataset) as Promise<Cached<T>> | undefined;
    if (!building) {
      building = load().then((items) => ({ version, index: new LabelIndex(items), checkedAt: now }));
      this.#building.set(dataset, building);
      building.finally(() => this.#building.delete(dataset)).catch(() => {});
    }
    const fresh = await building;
    write(fresh);
    return fresh.index;
  }
}
