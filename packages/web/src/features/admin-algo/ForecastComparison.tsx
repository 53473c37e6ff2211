import { useQuery } from "@tanstack/react-query";
import { contracts, formatFrenchDate } from "@tremplin/core";
import { Link } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { StackedTable } from "../../components/StackedTable.js";
import {
  compareShares,
  forecastRunFor,
  formatPoints,
  formatShare,
  type RunDetail,
  runQueryKey,
  runsQueryKey,
  stepLabel,
  type TopShares,
} from "./run-view.js";

function Comparison({ forecast, realised, caption }: { forecast: TopShares; realised: TopShares; caption: string }) {
  return (
    <StackedTable small caption={caption} head={["Établissements les mieux classés", "Prévu", "Réalisé", "Écart"]}>
      {compareShares(forecast, realised).map((row) => (
        <tr key={row.step}>
          <th scope="row">{stepLabel(row.step)}</th>
          <td data-label="Prévu">{formatShare(row.forecast)}</td>
          <td data-label="Réalisé">{formatShare(row.realised)}</td>
          <td data-label="Écart">{formatPoints(row.realised - row.forecast)}</td>
        </tr>
      ))}
    </StackedTable>
  );
}

/**
 * « Prévu / réalisé » for a measured scoring run: what its model captured at the backtest (the
 * evaluation on the same data date; a scoring run has no backtest of its own) beside what its
 * ranking captured of the contracts really signed afterwards.
 */
export function ForecastComparison({ run }: { run: RunDetail }) {
  const runs = useQuery({
    queryKey: runsQueryKey,
    queryFn: ({ signal }) => callApi(contracts.algoCompanies.listRuns, { signal }),
  });
  const forecastRun = runs.data ? forecastRunFor(runs.data.items, run) : undefined;
  const forecast = useQuery({
    queryKey: runQueryKey(forecastRun?.id),
    queryFn: ({ signal }) => callApi(contracts.algoCompanies.getRun, { params: { id: forecastRun?.id ?? "" }, signal }),
    enabled: forecastRun !== undefined,
  });
  if (!run.outcome) return null;
  if (runs.isPending || (forecastRun && forecast.isPending)) return <Loading text="Chargement de la prévision…" />;
  if (runs.isError) return <ApiErrorAlert error={runs.error} title="Les calculs n'ont pas pu être chargés" />;
  if (forecast.isError) return <ApiErrorAlert error={forecast.error} title="L'évaluation n'a pas pu être chargée" />;
  const shares = forecast.data?.backtestShares;
  if (!forecastRun || !shares) {
    return <p>Aucune évaluation à cette date ou avant : pas de prévision à comparer au réalisé.</p>;
  }
  return (
    <>
      <h3>Prévu / réalisé</h3>
      <p>
        Prévu : part captée au backtest de l'
        <Link to={`/admin/algorithme/calculs/${forecastRun.id}`}>évaluation n° {forecastRun.id}</Link> (données au{" "}
        {forecastRun.asOf ? formatFrenchDate(forecastRun.asOf) : "—"}). Réalisé : part captée des contrats signés
        depuis, par le classement de ce calcul. Un écart négatif : le classement a moins bien capté que prévu.
      </p>
      <Comparison
        forecast={shares}
        realised={run.outcome.shares}
        caption="Part des contrats captée, prévue et réalisée"
      />
    </>
  );
}
