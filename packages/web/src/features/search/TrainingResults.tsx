import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { TrainingCard } from "./ResultCards.js";
import { countLabel, widerRadius } from "./result-labels.js";
import { fromPlace, radiusChoices, type SearchJob, type SearchPlace } from "./search-params.js";

interface TrainingResultsProps {
  job: SearchJob;
  place: SearchPlace;
  radius: number;
  diplomaLevel: number | null;
  /** Runs the same search with a larger radius. */
  onWiden: (radius: number) => void;
}

/** Apprenticeship trainings leading to the job, nearest first (the API has no paging: 50 at most). */
export function TrainingResults({ job, place, radius, diplomaLevel, onWiden }: TrainingResultsProps) {
  const results = useQuery({
    queryKey: ["training-search", job.romeCode, place.latitude, place.longitude, radius, diplomaLevel],
    queryFn: ({ signal }) =>
      callApi(contracts.cfaMatching.searchTrainings, {
        query: {
          romes: job.romeCode,
          latitude: place.latitude,
          longitude: place.longitude,
          radius,
          diplomaLevel: diplomaLevel ?? undefined,
          limit: 50,
        },
        signal,
      }),
  });

  if (results.isPending) return <Loading text="Recherche des formations…" />;
  if (results.isError) return <ApiErrorAlert error={results.error} title="La recherche n'a pas pu aboutir" />;

  const { items } = results.data;
  const wider = widerRadius(radius, radiusChoices);
  return (
    <section aria-labelledby="titre-formations">
      <h3 id="titre-formations" className={fr.cx("fr-h4", "fr-mb-1w")}>
        Formations en apprentissage
      </h3>
      <p role="status" className={fr.cx("fr-text--sm", "fr-mb-3w")}>
        {countLabel(items.length, "formation", "formations")} à {results.data.radiusKm} km {fromPlace(place)} pour
        devenir « {job.label} ».
      </p>
      {items.length === 0 ? (
        <>
          <p>
            Essayez une distance plus grande ou un autre niveau de diplôme : certaines formations ne sont proposées que
            dans les grandes villes.
          </p>
          {wider && (
            <Button priority="secondary" onClick={() => onWiden(wider)}>
              Chercher des formations à {wider} km
            </Button>
          )}
        </>
      ) : (
        <ul className="app-results">
          {items.map((training) => (
            <li key={training.id}>
              <TrainingCard training={training} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
