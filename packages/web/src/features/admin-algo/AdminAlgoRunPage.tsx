import { useQuery } from "@tanstack/react-query";
import { contracts, formatFrenchDate } from "@tremplin/core";
import { Link, useParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AdminSectionsNav } from "./AdminSectionsNav.js";
import { ForecastComparison } from "./ForecastComparison.js";
import { formatCount, outcomeWindowLabel, runKindLabels, runQueryKey, runStatusLabels } from "./run-view.js";
import { TopSharesTables } from "./TopSharesTables.js";

function Run({ id }: { id: string }) {
  const run = useQuery({
    queryKey: runQueryKey(id),
    queryFn: ({ signal }) => callApi(contracts.algoCompanies.getRun, { params: { id }, signal }),
  });
  if (run.isPending) return <Loading text="Chargement du calcul…" />;
  if (run.isError) return <ApiErrorAlert error={run.error} title="Le calcul n'a pas pu être chargé" />;
  const r = run.data;
  return (
    <>
      <h1>
        Calcul n° {r.id} · {runKindLabels[r.kind]}
      </h1>
      <p>
        {runStatusLabels[r.status]} · données au {r.asOf ? formatFrenchDate(r.asOf) : "—"} · lancé le{" "}
        {formatFrenchDate(r.startedAt)}
        {r.exposedCompanies !== null && ` · ${formatCount(r.exposedCompanies)} entreprises exposées`}
        {r.reportMarkdownUrl && (
          <>
            {" · "}
            <a href={r.reportMarkdownUrl}>Rapport complet</a>
          </>
        )}
      </p>
      <h2>Prédit contre réalisé</h2>
      {r.outcome ? (
        <>
          <p>
            {outcomeWindowLabel(r.outcome)} : {formatCount(r.outcome.hires)} contrats signés par les{" "}
            {formatCount(r.outcome.establishments)} établissements notés ({formatCount(Math.round(r.outcome.predicted))}{" "}
            prédits sur 6 mois ; {formatCount(r.outcome.unscoredHires)} autres contrats chez des établissements non
            notés). Mesuré le {formatFrenchDate(r.outcome.measuredAt)}.
          </p>
          <ForecastComparison run={r} />
          <h3>Réalisé, en détail</h3>
          <TopSharesTables shares={r.outcome.shares} context="réalisé" />
        </>
      ) : (
        <p>
          {r.kind === "score"
            ? "Pas encore mesurable : la mesure est faite à l'import des contrats postérieurs à la date des données (algo:import-contracts)."
            : "Une évaluation ne prédit pas l'avenir : voir sa mesure au backtest ci-dessous."}
        </p>
      )}
      {r.backtestShares && (
        <>
          <h2>Au backtest (modèle Tremplin, 6 derniers mois des données)</h2>
          <TopSharesTables shares={r.backtestShares} context="backtest" />
          {r.reportSvgUrl && (
            <figure className="fr-content-media">
              {/* Served by the API with the admin's session; the tables above give the same figures. */}
              <img
                src={r.reportSvgUrl}
                alt="Courbes de captation de chaque modèle : part des contrats signés selon la part des établissements retenus"
                style={{ maxWidth: "100%", height: "auto" }}
              />
              <figcaption className="fr-content-media__caption">
                Courbes de captation au backtest, par modèle
              </figcaption>
            </figure>
          )}
        </>
      )}
      <p>
        <Link to="/admin/algorithme">Retour aux calculs</Link>
      </p>
    </>
  );
}

/**
 * /admin/algorithme/calculs/:id: one run, with La Bonne Boîte's measure (share of the contracts
 * signed by the top 10 %, 20 % … establishments) at the backtest and, once later contracts are
 * imported, on what really happened.
 */
export function AdminAlgoRunPage() {
  const { id = "" } = useParams();
  usePageTitle(`Algorithme : calcul n° ${id}`);
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin/algorithme" />
        <Run id={id} />
      </PageContainer>
    </RequireRole>
  );
}
