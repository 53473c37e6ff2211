import { type contracts, formatFrenchDate, type RouteOutput } from "@tremplin/core";

export type AlgoRun = RouteOutput<typeof contracts.algoCompanies.listRuns>["items"][number];
export type RunDetail = RouteOutput<typeof contracts.algoCompanies.getRun>;
export type TopShares = NonNullable<RunDetail["backtestShares"]>;

/** Query keys shared by the runs page, a run's page and its forecast (one cache entry each). */
export const runsQueryKey = ["admin-algo-runs"] as const;
export const runQueryKey = (id: string | undefined) => ["admin-algo-run", id] as const;

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

/** « 48,1 % » (one decimal, French). */
export function formatShare(x: number): string {
  return `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x * 100)} %`;
}

/** « Contrats du 1 juillet 2025 au 31 décembre 2025 (6 mois) »: the window ends the day before windowEnd. */
export function outcomeWindowLabel(o: { windowStart: string; windowEnd: string; months: number }): string {
  const last = new Date(Date.parse(`${o.windowEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `Contrats du ${formatFrenchDate(o.windowStart)} au ${formatFrenchDate(last)} (${o.months} mois)`;
}

/** « Top 10 % » for the step 0.1. */
export function stepLabel(step: number): string {
  return `Top ${Math.round(step * 100)} %`;
}

/** A difference of two shares in percentage points, signed: « +3,2 points », « −0,4 point ». */
export function formatPoints(diff: number): string {
  const points = Math.round(diff * 1000) / 10;
  const text = new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(points);
  return `${text.replace("-", "−")} ${Math.abs(points) < 2 ? "point" : "points"}`;
}

/**
 * The evaluation whose backtest tells what a scoring run was expected to capture: a finished
 * evaluation with a report on the same data date, else the newest one before it (runs come newest
 * first). A scoring run has no backtest of its own.
 */
export function forecastRunFor<R extends Pick<AlgoRun, "id" | "kind" | "status" | "asOf" | "hasReport">>(
  runs: readonly R[],
  run: Pick<AlgoRun, "asOf">,
): R | undefined {
  const asOf = run.asOf;
  if (!asOf) return undefined;
  const evaluations = runs.filter((r) => r.kind === "evaluate" && r.status === "succeeded" && r.hasReport && r.asOf);
  return (
    evaluations.find((r) => r.asOf === asOf) ??
    evaluations
      .filter((r) => (r.asOf as string) < asOf)
      .sort((a, b) => ((a.asOf as string) < (b.asOf as string) ? 1 : -1))[0]
  );
}

/** Expected (backtest) and realised shares side by side, for the steps both measured. */
export function compareShares(
  forecast: Pick<TopShares, "steps" | "overall">,
  realised: Pick<TopShares, "steps" | "overall">,
): { step: number; forecast: number; realised: number }[] {
  return realised.steps.flatMap((step, k) => {
    const j = forecast.steps.findIndex((s) => Math.abs(s - step) < 1e-9);
    const expected = forecast.overall[j];
    const actual = realised.overall[k];
    return j < 0 || expected === undefined || actual === undefined
      ? []
      : [{ step, forecast: expected, realised: actual }];
  });
}
