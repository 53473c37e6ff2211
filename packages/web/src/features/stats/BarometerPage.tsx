import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { type Barometer, contracts } from "@tremplin/core";
import { useId, useMemo } from "react";
import { useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { type ChartSeries, TimeChart } from "./TimeChart.js";

type Month = Barometer["months"][number];

const monthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const monthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
const percent = (v: number) => `${Math.round(v * 100)} %`;
const days = (v: number) => `${v.toLocaleString("fr-FR")} j`;
const show = (v: number | null, format: (v: number) => string = String) => (v === null ? "–" : format(v));

interface Indicator {
  title: string;
  description: string;
  series: Array<{ label: string; pick: (m: Month) => number | null; kind?: "bars" | "line" }>;
  format?: (v: number) => string;
}

const indicators: Indicator[] = [
  {
    title: "Offres publiées",
    description: "Nombre d'offres d'alternance publiées chaque mois.",
    series: [{ label: "Offres publiées", pick: (m) => m.offersPosted }],
  },
  {
    title: "Candidatures",
    description: "Candidatures envoyées chaque mois : à une offre, ou spontanées à une entreprise.",
    series: [
      { label: "À une offre", pick: (m) => m.applicationsToOffers },
      { label: "Spontanées", pick: (m) => m.spontaneousApplications },
    ],
  },
  {
    title: "Taux de réponse en 7 jours",
    description:
      "Part des candidatures du mois qui ont reçu une première réponse (entretien, refus ou recrutement) en 7 jours ou moins ; les candidatures de moins de 7 jours ne comptent pas encore.",
    series: [{ label: "Taux de réponse", pick: (m) => m.answerRate, kind: "line" }],
    format: percent,
  },
  {
    title: "Délai médian de première réponse",
    description:
      "La moitié des candidatures du mois qui ont reçu une réponse l'ont reçue en moins de ce délai (en jours).",
    series: [{ label: "Délai médian", pick: (m) => m.medianDaysToFirstAnswer, kind: "line" }],
    format: days,
  },
  {
    title: "Recrutements déclarés",
    description: "Candidatures du mois marquées « recruté » par le recruteur ou « contrat signé » par le candidat.",
    series: [{ label: "Recrutements", pick: (m) => m.hires }],
  },
];

function IndicatorBlock({ indicator, months }: { indicator: Indicator; months: Month[] }) {
  const headingId = useId();
  const chart = useMemo(
    () => ({
      labels: months.map((m) => monthLabel(m.month)),
      series: indicator.series.map(
        (s): ChartSeries => ({ label: s.label, values: months.map(s.pick), ...(s.kind ? { kind: s.kind } : {}) }),
      ),
    }),
    [indicator, months],
  );
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
      <h2 id={headingId} className={fr.cx("fr-h4")}>
        {indicator.title}
      </h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-lg-7")}>
          <TimeChart
            labels={chart.labels}
            series={chart.series}
            description={indicator.description}
            {...(indicator.format ? { formatValue: indicator.format } : {})}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-lg-5")}>
          <div className={fr.cx("fr-table", "fr-table--sm")}>
            <table>
              <caption>{indicator.title}, par mois</caption>
              <thead>
                <tr>
                  <th scope="col">Mois</th>
                  {indicator.series.map((s) => (
                    <th key={s.label} scope="col">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    {indicator.series.map((s) => (
                      <td key={s.label}>{show(s.pick(m), indicator.format)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </section>
  );
}

/** /barometre: public figures per month, for France or a region; each chart has its table beside it. */
export function BarometerPage() {
  usePageTitle("Baromètre de l'alternance");
  const [params, setParams] = useSearchParams();
  const region = params.get("region") ?? "";
  const selectId = useId();
  const barometer = useQuery({
    queryKey: ["barometer", region],
    queryFn: ({ signal }) => callApi(contracts.stats.getBarometer, { query: region ? { region } : {}, signal }),
  });

  return (
    <PageContainer>
      <h1>Baromètre de l'alternance</h1>
      <p className={fr.cx("fr-text--lead")}>
        Ce qui se passe sur Tremplin, mois par mois : offres publiées, candidatures, réponses des recruteurs et
        recrutements.
      </p>
      <div className={fr.cx("fr-select-group")}>
        <label className={fr.cx("fr-label")} htmlFor={selectId}>
          Territoire
        </label>
        <select
          id={selectId}
          className={fr.cx("fr-select")}
          value={region}
          onChange={(event) => setParams(event.target.value ? { region: event.target.value } : {}, { replace: true })}
        >
          <option value="">France entière</option>
          {barometer.data?.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {barometer.isPending ? (
        <Loading text="Chargement du baromètre…" />
      ) : barometer.isError ? (
        <ApiErrorAlert error={barometer.error} title="Le baromètre n'a pas pu être chargé" />
      ) : (
        indicators.map((indicator) => (
          <IndicatorBlock key={indicator.title} indicator={indicator} months={barometer.data.months} />
        ))
      )}
    </PageContainer>
  );
}
