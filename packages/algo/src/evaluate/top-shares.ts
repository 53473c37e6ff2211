import type { Dataset } from "../data/dataset.js";
import type { AlgoReference } from "../reference/types.js";
import { capture, rankDescending } from "./metrics.js";

/**
 * The measure La Bonne Boîte's operators tracked: the share of the next months' hires made by the
 * top 10 %, 20 % … 90 % of establishments ranked by prediction, overall and within each région and
 * NAF section (the ranking within a group is the one a search in that group would show).
 */
export const TOP_SHARE_STEPS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export interface GroupTopShares {
  code: string;
  label: string;
  establishments: number;
  hires: number;
  /** Share of the group's hires made by its top 10 %, 20 % … (TOP_SHARE_STEPS). */
  shares: number[];
}

export interface TopSharesTable {
  steps: number[];
  establishments: number;
  hires: number;
  overall: number[];
  regions: GroupTopShares[];
  sections: GroupTopShares[];
}

/** Région (index in reference.regions, −1 unknown) and NAF section (index, −1 unknown) of each row. */
export interface RowGroups {
  region: Int16Array;
  section: Int16Array;
}

/** Région and NAF section of establishment rows of a data set. */
export function rowGroupsOf(dataset: Dataset, reference: AlgoReference, rows: Int32Array): RowGroups {
  const e = dataset.establishments;
  return {
    region: Int16Array.from(rows, (i) => {
      const dep = e.departement[i] as number;
      return dep === 255 ? -1 : (reference.departements.region[dep] as number);
    }),
    section: Int16Array.from(rows, (i) => reference.naf.section[e.naf[i] as number] as number),
  };
}

export function topShares(pred: ArrayLike<number>, actual: ArrayLike<number>): number[] {
  const order = rankDescending(pred);
  return TOP_SHARE_STEPS.map((s) => capture(pred, actual, s, order));
}

/** The whole table: overall, per région and per NAF section (groups by decreasing hires). */
export function topSharesTable(
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  groups: RowGroups,
  reference: AlgoReference,
): TopSharesTable {
  let hires = 0;
  for (let r = 0; r < actual.length; r++) hires += actual[r] as number;
  return {
    steps: TOP_SHARE_STEPS,
    establishments: actual.length,
    hires,
    overall: topShares(pred, actual),
    regions: byGroup(pred, actual, groups.region, reference.regions.codes, reference.regions.names),
    sections: byGroup(pred, actual, groups.section, reference.sections.codes, reference.sections.labels),
  };
}

function byGroup(
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  key: Int16Array,
  codes: string[],
  labels: string[],
): GroupTopShares[] {
  const members = new Map<number, number[]>();
  key.forEach((k, r) => {
    const list = members.get(k);
    if (list) list.push(r);
    else members.set(k, [r]);
  });
  return [...members]
    .map(([k, positions]) => {
      const p = Float64Array.from(positions, (r) => pred[r] as number);
      const y = Float64Array.from(positions, (r) => actual[r] as number);
      return {
        code: codes[k] ?? "?",
        label: labels[k] ?? "Inconnu",
        establishments: positions.length,
        hires: y.reduce((s, x) => s + x, 0),
        shares: topShares(p, y),
      };
    })
    .sort((a, b) => b.hires - a.hires || a.code.localeCompare(b.code));
}
