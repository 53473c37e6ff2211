import type { Dataset } from "../data/dataset.js";
import { siretString } from "../data/establishments.js";
import { countInWindow } from "../data/events.js";
import type { AlgoReference } from "../reference/types.js";
import { addMonths } from "../time/day.js";
import { explain } from "./explain.js";
import type { ScoredEstablishments } from "./score.js";

/** One establishment as the database and the search show it. */
export interface ExposedCompany {
  siret: string;
  naf: string;
  /** 0–100 (1 decimal): chance of at least one apprenticeship hire in the next 6 months. */
  score: number;
  /** Kept for internal use only: the predicted figure itself is not shown to the public. */
  predictedHires: number;
  romes: { rome: string; label: string; score: number; explanation: string }[];
}

/**
 * The exposed establishments one by one, with their jobs and French explanations (facts read
 * strictly before the as-of date). A generator, so that 300 000 records stream to the database.
 */
export function* exposedCompanies(
  scored: ScoredEstablishments,
  dataset: Dataset,
  reference: AlgoReference,
): Generator<ExposedCompany> {
  const asOf = scored.asOf;
  const threeYears = addMonths(asOf, -36);
  const oneYear = addMonths(asOf, -12);
  const contracts = dataset.contracts;
  for (let r = 0; r < scored.rows.length; r++) {
    const from = scored.offsets[r] as number;
    const to = scored.offsets[r + 1] as number;
    if (to === from) continue;
    const i = scored.rows[r] as number;
    const contracts3y = countInWindow(contracts, i, threeYears, asOf);
    const contracts12m = countInWindow(contracts, i, oneYear, asOf);
    const otherHires12m = countInWindow(dataset.hires, i, oneYear, asOf);
    // Jobs of past contracts, when the source gives them (rome = 1 + index, 0 unknown).
    const jobs = new Map<number, number>();
    let known = 0;
    for (let e = contracts.offsets[i] as number; e < (contracts.offsets[i + 1] as number); e++) {
      const d = contracts.days[e] as number;
      const job = contracts.romes[e] as number;
      if (d >= threeYears && d < asOf && job > 0) {
        jobs.set(job - 1, (jobs.get(job - 1) ?? 0) + 1);
        known++;
      }
    }
    const romes = [];
    for (let k = from; k < to; k++) {
      const job = scored.rome[k] as number;
      const label = reference.romes.labels[job] ?? "";
      romes.push({
        rome: reference.romes.codes[job] ?? "",
        label,
        score: Math.round((scored.romeScore[k] as number) * 10) / 10,
        explanation: explain({
          contracts3y,
          contracts12m,
          inJob3y: known > 0 ? (jobs.get(job) ?? 0) : null,
          jobLabel: label,
          otherHires12m,
        }),
      });
    }
    yield {
      siret: siretString(dataset.establishments, i),
      naf: reference.naf.codes[dataset.establishments.naf[i] as number] ?? "",
      score: Math.round((scored.score[r] as number) * 10) / 10,
      predictedHires: scored.predicted[r] as number,
      romes,
    };
  }
}
