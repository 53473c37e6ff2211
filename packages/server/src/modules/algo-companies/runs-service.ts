import { AppError } from "../../lib/app-error.js";
import { findOutcome } from "./outcomes-repository.js";
import { readPublication } from "./publication-repository.js";
import * as runs from "./runs-repository.js";

/** The last runs (evaluations and scores), with which one is published and which is kept for rollback. */
export async function listRuns(db: runs.Db) {
  const [rows, pointer] = await Promise.all([runs.listRuns(db, 100), readPublication(db)]);
  return { rows, active: pointer?.active_run_id ?? null, previous: pointer?.previous_run_id ?? null };
}

export async function getRun(db: runs.Db, id: number) {
  const [run, pointer, outcome] = await Promise.all([runs.findRun(db, id), readPublication(db), findOutcome(db, id)]);
  if (!run) throw new AppError("ALGO_RUN_NOT_FOUND");
  return {
    run,
    outcome: outcome ?? null,
    active: pointer?.active_run_id ?? null,
    previous: pointer?.previous_run_id ?? null,
  };
}

/** The evaluation report of a run as Markdown or SVG; ALGO_REPORT_UNAVAILABLE when it has none. */
export async function getRunReport(db: runs.Db, id: number, format: "markdown" | "svg"): Promise<string> {
  const run = await runs.findRun(db, id);
  if (!run) throw new AppError("ALGO_RUN_NOT_FOUND");
  const text = format === "markdown" ? run.report_md : run.report_svg;
  if (!text) throw new AppError("ALGO_REPORT_UNAVAILABLE");
  return text;
}
