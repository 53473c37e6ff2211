import { AppError } from "../../lib/app-error.js";
import * as repo from "./publication-repository.js";
import * as runs from "./runs-repository.js";

export interface PublicationResult {
  activeRunId: number;
  previousRunId: number | null;
  companies: number;
  pairs: number;
}

/**
 * Makes a scoring run the one the public sees, in one transaction: its exposed set is brought up
 * to date with opt-outs and overrides, then the pointer moves; the run it replaces is kept for
 * rollback. Without `runId`, the latest succeeded scoring run.
 */
export async function publishRun(
  db: repo.Db,
  options: { runId?: number; actor: string; now: Date },
): Promise<PublicationResult> {
  return db.transaction().execute(async (trx) => {
    const pointer = await repo.lockPublication(trx);
    const runId = options.runId ?? (await runs.latestScoreRun(trx))?.id;
    if (runId === undefined)
      throw new AppError("ALGO_RUN_NOT_PUBLISHABLE", {
        message: "Aucun calcul de scores réussi à publier : lancez d'abord algo:score.",
      });
    const run = await runs.findRun(trx, runId);
    if (!run) throw new AppError("ALGO_RUN_NOT_FOUND");
    if (run.kind !== "score" || run.status !== "succeeded" || !(await repo.hasRunRows(trx, runId)))
      throw new AppError("ALGO_RUN_NOT_PUBLISHABLE");
    if (pointer.active_run_id === runId) throw new AppError("ALGO_RUN_ALREADY_ACTIVE");
    await repo.materializeOverrides(trx, runId);
    await repo.setPublication(trx, {
      active: runId,
      previous: pointer.active_run_id,
      actor: options.actor,
      now: options.now,
    });
    await repo.recordPublicationEvent(trx, {
      action: "publish",
      runId,
      replaced: pointer.active_run_id,
      actor: options.actor,
      now: options.now,
    });
    const counts = await runs.countExposed(trx, runId);
    return { activeRunId: runId, previousRunId: pointer.active_run_id, ...counts };
  });
}

/**
 * Puts the previous run back in front, in one transaction (the run rolled back from becomes the
 * previous one, so a second rollback undoes the first). Opt-outs recorded since are applied to it.
 */
export async function rollbackPublication(
  db: repo.Db,
  options: { actor: string; now: Date },
): Promise<PublicationResult> {
  return db.transaction().execute(async (trx) => {
    const pointer = await repo.lockPublication(trx);
    const target = pointer.previous_run_id;
    if (target === null || !(await repo.hasRunRows(trx, target))) throw new AppError("ALGO_NOTHING_TO_ROLLBACK");
    await repo.materializeOverrides(trx, target);
    await repo.setPublication(trx, {
      active: target,
      previous: pointer.active_run_id,
      actor: options.actor,
      now: options.now,
    });
    await repo.recordPublicationEvent(trx, {
      action: "rollback",
      runId: target,
      replaced: pointer.active_run_id,
      actor: options.actor,
      now: options.now,
    });
    const counts = await runs.countExposed(trx, target);
    return { activeRunId: target, previousRunId: pointer.active_run_id, ...counts };
  });
}

/** Re-applies overrides of some companies to the runs the public may see (active, and previous for rollback). */
export async function refreshPublishedCompanies(db: repo.Db, sirets: string[]): Promise<void> {
  const pointer = await repo.readPublication(db);
  for (const runId of [pointer?.active_run_id, pointer?.previous_run_id]) {
    if (typeof runId === "number") await repo.materializeOverrides(db, runId, sirets);
  }
}
