import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useInfiniteQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { CompanyCard, OfferCard } from "./ResultCards.js";
import { resultsSummary, widerRadius } from "./result-labels.js";
import { fromPlace, radiusChoices, type SearchJob, type SearchPlace } from "./search-params.js";

// Small pages: on a phone, ten cards of each kind are already a long scroll.
const PAGE_SIZE = 10;

interface JobResultsProps {
  job: SearchJob;
  place: SearchPlace;
  radius: number;
  diplomaLevel: number | null;
  /** Leads to the trainings view, offered when nothing is found. */
  onShowTrainings: () => void;
  /** Runs the same search with a larger radius. */
  onWiden: (radius: number) => void;
}

/** No offer in the radius: say so, and offer the next radius in one tap. */
function NoOfferYet({ radius, onWiden }: { radius: number; onWiden: (radius: number) => void }) {
  const wider = widerRadius(radius, radiusChoices);
  return (
    <>
      <p>Aucune offre publiée à {radius} km pour l'instant : les entreprises ci-dessous recrutent souvent.</p>
      {wider && (
        <Button priority="tertiary" size="small" onClick={() => onWiden(wider)}>
          Chercher des offres à {wider} km
        </Button>
      )}
    </>
  );
}

/** Offers (nearest first) and companies likely to hire, page after page (« Voir plus »). */
export function JobResults({ job, place, radius, diplomaLevel, onShowTrainings, onWiden }: JobResultsProps) {
  const results = useInfiniteQuery({
    queryKey: ["job-search", job.appellationCode, place.latitude, place.longitude, radius, diplomaLevel],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      callApi(contracts.search.searchJobs, {
        query: {
          appellationCode: job.appellationCode,
          latitude: place.latitude,
          longitude: place.longitude,
          radius,
          diplomaLevel: diplomaLevel ?? undefined,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  if (results.isPending) return <Loading text="Recherche des offres et des entreprises…" />;
  // A failed « Voir plus » keeps the pages already shown (the query is in error, with data).
  if (!results.data) return <ApiErrorAlert error={results.error} title="La recherche n'a pas pu aboutir" />;

  const offers = results.data.pages.flatMap((page) => page.offers);
  const companies = results.data.pages.flatMap((page) => page.companies);

  if (offers.length === 0 && companies.length === 0) {
    return (
      <div className={fr.cx("fr-callout")} role="status">
        <h3 className={fr.cx("fr-callout__title", "fr-h5")}>Aucun résultat dans ce rayon</h3>
        <p className={fr.cx("fr-callout__text")}>
          Aucune offre ni entreprise susceptible de recruter pour « {job.label} » à {radius} km {fromPlace(place)}.
          Essayez une distance plus grande, un métier proche, ou regardez les formations qui mènent à ce métier.
        </p>
        <Button priority="secondary" className={fr.cx("fr-mt-2w")} onClick={onShowTrainings}>
          Voir les formations
        </Button>
      </div>
    );
  }

  return (
    <>
      <p role="status" className={fr.cx("fr-text--sm", "fr-mb-3w")}>
        {resultsSummary(offers.length, companies.length, results.hasNextPage)}
      </p>
      <section aria-labelledby="titre-offres" className={fr.cx("fr-mb-4w")}>
        <h3 id="titre-offres" className={fr.cx("fr-h4")}>
          Offres d'alternance
        </h3>
        {offers.length === 0 ? (
          <NoOfferYet radius={radius} onWiden={onWiden} />
        ) : (
          <ul className="app-results">
            {offers.map((offer) => (
              <li key={offer.id}>
                <OfferCard offer={offer} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {companies.length > 0 && (
        <section aria-labelledby="titre-entreprises" className={fr.cx("fr-mb-4w")}>
          <h3 id="titre-entreprises" className={fr.cx("fr-h4", "fr-mb-1w")}>
            Entreprises susceptibles de recruter
          </h3>
          <p className={fr.cx("fr-text--sm")}>
            Même sans offre publiée, elles recrutent souvent des alternants dans ce métier : envoyez-leur une
            candidature spontanée.
          </p>
          <ul className="app-results">
            {companies.map((company) => (
              <li key={company.siret}>
                <CompanyCard company={company} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.hasNextPage && (
        <Button
          priority="secondary"
          onClick={() => void results.fetchNextPage()}
          disabled={results.isFetchingNextPage}
          className="app-search-more"
        >
          {results.isFetchingNextPage ? "Chargement…" : "Voir plus de résultats"}
        </Button>
      )}
      {results.isFetchNextPageError && <ApiErrorAlert error={results.error} className={fr.cx("fr-mt-2w")} />}
    </>
  );
}
