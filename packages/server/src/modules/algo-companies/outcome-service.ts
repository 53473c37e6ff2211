import {
  type AlgoReference,
  addMonths,
  type Day,
  forEachPackedEvent,
  isoOfDay,
  parseIsoDay,
  type RowGroups,
  type TopSharesTable,
  topSharesTable,
} from "@tremplin/algo";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import { coverageEnd } from "./dataset-loader.js";
import * as repo from "./dataset-repository.js";
import * as outcomes from "./outcomes-repository.js";

const PAGE = 20_000;
const n = (x: number) => x.toLocaleString("fr-FR");

export interface MeasuredOutcome {
  runId: number;
  windowStart: string;
  windowEnd: string;
  months: number;
  hires: number;
  shares: TopSharesTable;
}

/**
 * Predicted vs realised: for every scoring run that still has its scores and whose 6 months have
 * started inside the imported contracts, the share of the contracts signed since its as-of date
 * (up to 6 months, up to the end of the coverage) made by its top 10 %, 20 % … establishments,
 * overall and per région and NAF section. Runs already measured on the same window are skipped;
 * a window needs one whole month of contracts.
 */
export async function measureRunOutcomes(
  db: outcomes.Db,
  options: { reference: AlgoReference; now: Date; say?: ProgressReporter },
): Promise<MeasuredOutcome[]> {
  const say = options.say ?? (() => {});
  const coverage = await repo.contractCoverage(db);
  if (!coverage) return [];
  const end = coverageEnd(coverage.last);
  const measured: MeasuredOutcome[] = [];
  for (const run of await outcomes.runsToMeasure(db, isoOfDay(end))) {
    if (!run.as_of) continue;
    const start = parseIsoDay(run.as_of);
    const windowEnd = Math.min(addMonths(start, 6), end);
    if (addMonths(start, 1) > windowEnd) continue;
    if (run.measuredEnd && parseIsoDay(run.measuredEnd) >= windowEnd) continue;
    const months = wholeMonths(start, windowEnd);
    const rows = await readScores(db, run.id, options.reference);
    const { actual, unscored } = await countRealised(db, rows.index, start, windowEnd);
    const shares = topSharesTable(rows.predicted, actual, rows.groups, options.reference);
    const predicted = rows.predicted.reduce((s, x) => s + x, 0);
    await outcomes.saveOutcome(db, {
      runId: run.id,
      windowStart: isoOfDay(start),
      windowEnd: isoOfDay(windowEnd),
      months,
      establishments: rows.predicted.length,
      hires: shares.hires,
      unscoredHires: unscored,
      predicted,
      report: shares,
      measuredAt: options.now,
    });
    const top = (k: number) => `${Math.round((shares.overall[k] ?? 0) * 100)} %`;
    say(
      `Calcul n° ${run.id} : ${n(shares.hires)} contrats du ${isoOfDay(start)} au ${isoOfDay(windowEnd - 1)} (${months} mois), dont ${top(0)} chez les 10 % d'établissements les mieux classés et ${top(1)} chez les 20 %.`,
    );
    measured.push({
      runId: run.id,
      windowStart: isoOfDay(start),
      windowEnd: isoOfDay(windowEnd),
      months,
      hires: shares.hires,
      shares,
    });
  }
  return measured;
}

function wholeMonths(start: Day, end: Day): number {
  let k = 0;
  while (k < 6 && addMonths(start, k + 1) <= end) k++;
  return k;
}

/** A run's scores: predicted hires, région and NAF section of each row, and SIRET → row. */
async function readScores(db: outcomes.Db, runId: number, reference: AlgoReference) {
  const index = new Map<string, number>();
  const predicted: number[] = [];
  const region: number[] = [];
  const section: number[] = [];
  for (let after = ""; ; ) {
    const page = await outcomes.scoresPage(db, runId, after, PAGE);
    for (const row of page) {
      index.set(row.siret, predicted.length);
      predicted.push(row.predicted_hires);
      const naf = row.naf_code ? reference.naf.index.get(row.naf_code.replace(".", "")) : undefined;
      section.push(naf === undefined ? -1 : (reference.naf.section[naf] as number));
      const commune = row.insee_code ? reference.communes.index.get(row.insee_code) : undefined;
      const dep = commune === undefined ? 255 : (reference.communes.departement[commune] as number);
      region.push(dep === 255 ? -1 : (reference.departements.region[dep] as number));
    }
    if (page.length < PAGE) break;
    after = (page[page.length - 1] as outcomes.ScoredRow).siret;
  }
  const groups: RowGroups = { region: Int16Array.from(region), section: Int16Array.from(section) };
  return { index, predicted: Float64Array.from(predicted), groups };
}

/** Contracts dated in [start, end) per scored row, and those of establishments the run did not score. */
async function countRealised(db: outcomes.Db, index: Map<string, number>, start: Day, end: Day) {
  const actual = new Float64Array(index.size);
  let unscored = 0;
  for (let after = { siret: "", importId: 0, part: 0 }; ; ) {
    const page = await repo.eventSetsPage(db, "contracts", after, PAGE);
    let at = 0;
    page.sirets.forEach((siret, k) => {
      const length = page.lengths[k] as number;
      const row = index.get(siret);
      forEachPackedEvent(page.bytes.subarray(at, at + length), (day) => {
        if (day < start || day >= end) return;
        if (row === undefined) unscored++;
        else actual[row] = (actual[row] as number) + 1;
      });
      at += length;
    });
    const count = page.sirets.length;
    if (count < PAGE) break;
    after = {
      siret: page.sirets[count - 1] as string,
      importId: page.importIds[count - 1] as number,
      part: page.parts[count - 1] as number,
    };
  }
  return { actual, unscored };
}
