import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts, formatFrenchDate } from "@tremplin/core";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { TimeChart } from "./TimeChart.js";

const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** /espace/offres/:id/statistiques: an offer's audience per day, as a chart and as a table. */
export function OfferStatsPage() {
  const { id = "" } = useParams();
  const offer = useQuery({
    queryKey: ["my-offer", id],
    queryFn: ({ signal }) => callApi(contracts.offers.getMyOffer, { params: { id }, signal }),
  });
  const stats = useQuery({
    queryKey: ["my-offer-stats", id],
    queryFn: ({ signal }) => callApi(contracts.stats.getMyOfferStats, { params: { id }, signal }),
  });
  usePageTitle(offer.data ? `Statistiques — ${offer.data.title}` : "Statistiques de l'offre");
  const chart = useMemo(() => {
    const days = stats.data?.days ?? [];
    return {
      labels: days.map((d) => shortDay(d.day)),
      series: [
        { label: "Affichages dans la recherche", values: days.map((d) => d.impressions), kind: "line" as const },
        { label: "Consultations", values: days.map((d) => d.views) },
        { label: "Clics « Postuler »", values: days.map((d) => d.applyClicks) },
        { label: "Candidatures", values: days.map((d) => d.applications) },
      ],
    };
  }, [stats.data]);

  return (
    <PageContainer>
      <p>
        <Link to="/espace">Retour à mes offres</Link>
      </p>
      <h1>Statistiques{offer.data ? ` : ${offer.data.title}` : ""}</h1>
      {stats.isPending ? (
        <Loading text="Chargement des statistiques…" />
      ) : stats.isError ? (
        <ApiErrorAlert error={stats.error} title="Les statistiques n'ont pas pu être chargées" />
      ) : (
        <>
          <p className={fr.cx("fr-text--lead")}>
            Du {formatFrenchDate(stats.data.from)} au {formatFrenchDate(stats.data.to)} :{" "}
            {stats.data.totals.impressions} affichages, {stats.data.totals.views} consultations,{" "}
            {stats.data.totals.applyClicks} clics « Postuler », {stats.data.totals.applications} candidatures.
          </p>
          <TimeChart
            labels={chart.labels}
            series={chart.series}
            description="Par jour : affichages de l'offre dans les résultats de recherche, consultations de sa page, clics sur « Postuler » et candidatures reçues. Les chiffres sont dans le tableau ci-dessous."
          />
          <div className={fr.cx("fr-table", "fr-table--no-caption")}>
            <table>
              <caption>Audience de l'offre, jour par jour</caption>
              <thead>
                <tr>
                  <th scope="col">Jour</th>
                  <th scope="col">Affichages</th>
                  <th scope="col">Consultations</th>
                  <th scope="col">Clics « Postuler »</th>
                  <th scope="col">Candidatures</th>
                </tr>
              </thead>
              <tbody>
                {[...stats.data.days].reverse().map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatFrenchDate(d.day)}</th>
                    <td>{d.impressions}</td>
                    <td>{d.views}</td>
                    <td>{d.applyClicks}</td>
                    <td>{d.applications}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </PageContainer>
  );
}
