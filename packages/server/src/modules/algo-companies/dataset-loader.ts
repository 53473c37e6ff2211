import {
  type AlgoReference,
  addMonths,
  type BuilderWarnings,
  type Dataset,
  type Day,
  isoOfDay,
  OrderedDatasetBuilder,
  parseIsoDay,
} from "@tremplin/algo";
import { isTrainingOrganisationNaf } from "@tremplin/core";
import type { ProgressReporter } from "../../lib/progress-reporter.js";
import * as repo from "./dataset-repository.js";

/** A failure a person can fix (no data yet, a bad date): shown as is by the CLI and the admin. */
export class AlgoDataError extends Error {
  override name = "AlgoDataError";
}

export interface LoadedDataset {
  dataset: Dataset;
  asOf: Day;
  /** 1 for establishments never to expose: opted out (delisted) or not diffusible (INSEE opposition). */
  optedOut: Uint8Array;
  warnings: BuilderWarnings;
  counts: {
    establishments: number;
    contracts: number;
    hires: number;
    financeRows: number;
    delisted: number;
    notDiffusible: number;
  };
}

const PAGE = 20_000;

/** Seconds since the last call, as "12,3 s". */
function stopwatch(): () => string {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const text = `${((now - last) / 1000).toFixed(1).replace(".", ",")} s`;
    last = now;
    return text;
  };
}
const n = (x: number) => x.toLocaleString("fr-FR");

/** The first day after the coverage: the 1st of the month after the last contract's (extracts are monthly). */
export function coverageEnd(lastContract: string): Day {
  return addMonths(parseIsoDay(`${lastContract.slice(0, 7)}-01`), 1);
}

/**
 * The as-of date of a run: the one asked for (YYYY-MM-DD), or the end of the imported contracts'
 * coverage. Extracts are monthly, so the coverage runs from the 1st of the month of the first
 * contract to the end of the month of the last one (a month whose last contract fell on the 28th
 * is still a whole month): the as-of date may be any day up to the 1st of the following month.
 */
export async function resolvePeriod(db: repo.Db, asOfText?: string): Promise<{ start: Day; asOf: Day }> {
  const coverage = await repo.contractCoverage(db);
  if (!coverage)
    throw new AlgoDataError(
      "Aucun contrat d'alternance importé : lancez d'abord algo:import-contracts (ou algo:generate pour un jeu fictif).",
    );
  const start = parseIsoDay(`${coverage.first.slice(0, 7)}-01`);
  const end = coverageEnd(coverage.last);
  let asOf = end;
  if (asOfText !== undefined) {
    try {
      asOf = parseIsoDay(asOfText);
    } catch (error) {
      throw new AlgoDataError((error as Error).message);
    }
    if (asOf > end)
      throw new AlgoDataError(
        `Date d'observation ${asOfText} postérieure aux données (dernier contrat le ${coverage.last}, couverture jusqu'au ${isoOfDay(end - 1)}) : on ne prédit que depuis une date déjà couverte.`,
      );
    if (asOf <= addMonths(start, 24))
      throw new AlgoDataError(`Date d'observation ${asOfText} trop proche du début des données (${isoOfDay(start)}).`);
  }
  return { start, asOf };
}

/**
 * Reads the directory, the stored histories and the finances into an in-memory Dataset, strictly
 * before the as-of date (events on or after it are dropped as outside the coverage), streaming
 * every table in SIRET order so that nothing but the typed arrays is held.
 */
export async function loadDataset(
  db: repo.Db,
  reference: AlgoReference,
  options: { asOf?: string; say?: ProgressReporter } = {},
): Promise<LoadedDataset> {
  const say = options.say ?? (() => {});
  const { start, asOf } = await resolvePeriod(db, options.asOf);
  const [capacity, events] = await Promise.all([repo.countScopedEstablishments(db), repo.countEvents(db)]);
  say(
    `Lecture de ${n(capacity)} établissements, ${n(events.contracts)} contrats et ${n(events.hires)} autres embauches…`,
  );
  const builder = new OrderedDatasetBuilder(
    reference,
    { start, end: asOf },
    { establishments: capacity, contracts: events.contracts, hires: events.hires },
  );
  const optedOut = new Uint8Array(capacity);
  let count = 0;
  let notDiffusible = 0;
  const lap = stopwatch();
  for (let after: string | null = ""; after !== null; ) {
    const page = await repo.scopedEstablishmentsPage(db, after, PAGE);
    for (const e of page.rows) {
      const added = builder.addEstablishment(
        {
          siret: e.siret,
          naf: (e.naf_code ?? "").replace(".", ""),
          sizeBand: e.headcount_band === null || e.headcount_band === "NN" ? null : e.headcount_band,
          created: e.created_on ? parseIsoDay(e.created_on) : null,
          commune: e.insee_code,
          postalCode: e.postal_code,
          closed: null,
          trainingOrganisation: isTrainingOrganisationNaf(e.naf_code),
        },
        e.admin_state === "F",
      );
      if (!added) continue;
      if (e.diffusion !== "O") {
        optedOut[count] = 1;
        notDiffusible++;
      }
      count++;
    }
    after = page.last;
  }
  const times = [`établissements ${lap()}`];
  for (const source of ["contracts", "hires"] as const) {
    for (let after = { siret: "", importId: 0, part: 0 }; ; ) {
      const page = await repo.eventSetsPage(db, source, after, PAGE);
      let at = 0;
      page.sirets.forEach((siret, k) => {
        const length = page.lengths[k] as number;
        builder.addPackedEvents(source, siret, page.bytes.subarray(at, at + length));
        at += length;
      });
      const n = page.sirets.length;
      if (n < PAGE) break;
      after = {
        siret: page.sirets[n - 1] as string,
        importId: page.importIds[n - 1] as number,
        part: page.parts[n - 1] as number,
      };
    }
    times.push(`${source === "contracts" ? "contrats" : "embauches"} ${lap()}`);
  }
  let financeRows = 0;
  for (let after = { siren: "", year: 0 }; ; ) {
    const rows = await repo.financesPage(db, after, PAGE * 2);
    for (const f of rows)
      builder.addFinance({
        siren: f.siren,
        year: f.year,
        revenue: f.revenue,
        netResult: f.net_result,
        headcount: f.headcount,
      });
    financeRows += rows.length;
    if (rows.length < PAGE * 2) break;
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { siren: last.siren, year: last.year };
  }
  const delisted = await repo.delistedSirets(db);
  for (const siret of delisted) {
    const i = builder.indexOf(siret);
    if (i >= 0) optedOut[i] = 1;
  }
  times.push(`finances ${lap()}`);
  const dataset = builder.build();
  const w = builder.warnings;
  say(
    `  ${n(dataset.establishments.n)} établissements retenus (NAF inconnu : ${n(w.unknownNaf)}), ` +
      `${n(dataset.contracts.days.length)} contrats et ${n(dataset.hires.days.length)} autres embauches du ${isoOfDay(start)} au ${isoOfDay(asOf - 1)}`,
  );
  say(`  Durées de lecture : ${times.join(", ")}`);
  return {
    dataset,
    asOf,
    optedOut: optedOut.subarray(0, dataset.establishments.n),
    warnings: w,
    counts: {
      establishments: dataset.establishments.n,
      contracts: dataset.contracts.days.length,
      hires: dataset.hires.days.length,
      financeRows,
      delisted: delisted.length,
      notDiffusible,
    },
  };
}
