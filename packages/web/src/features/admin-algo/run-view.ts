import type { contracts, RouteOutput } from "@tremplin/core";

export type AlgoRun = RouteOutput<typeof contracts.algoCompanies.listRuns>["items"][number];

export const runKindLabels: Record<AlgoRun["kind"], string> = {
  evaluate: "Évaluation",
  score: "Scores",
};

export const runStatusLabels: Record<AlgoRun["status"], string> = {
  running: "En cours",
  succeeded: "Terminé",
  failed: "Échec",
};

/**
 * Only a finished scoring run that is not already the one candidates see can be published (the API
 * also refuses a run whose results were purged: ALGO_RUN_NOT_PUBLISHABLE, shown as is).
 */
export function canPublish(run: Pick<AlgoRun, "kind" | "status" | "active">): boolean {
  return run.kind === "score" && run.status === "succeeded" && !run.active;
}

/** Rolling back needs a previous publication kept. */
export function canRollback(runs: readonly Pick<AlgoRun, "previous">[]): boolean {
  return runs.some((run) => run.previous);
}

/** « 12 345 » with a narrow no-break space, as French readers group thousands. */
export function formatCount(n: number | null): string {
  return n === null ? "—" : new Intl.NumberFormat("fr-FR").format(n);
}

/** How long a run took, « 3 min 20 s », or null while it runs. */
export function runDuration(run: Pick<AlgoRun, "startedAt" | "finishedAt">): string | null {
  if (!run.finishedAt) return null;
  const seconds = Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
