import { fr } from "@codegouvfr/react-dsfr";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CreateAlertForm } from "../alerts/CreateAlertForm.js";
import { JobResults } from "./JobResults.js";
import { SearchForm } from "./SearchForm.js";
import {
  fromPlace,
  isSearchReady,
  parseSearchParams,
  placeInSentence,
  type SearchState,
  type SearchView,
  toSearchParams,
} from "./search-params.js";
import { TrainingResults } from "./TrainingResults.js";
import "./search.css";

const viewLabels: Record<SearchView, string> = {
  offres: "Offres et entreprises",
  formations: "Formations",
};

/** The two views of one search, as links: each is an address of its own (shared, back button). */
function ViewSwitch({ state }: { state: SearchState }) {
  return (
    <nav aria-label="Type de résultats" className={fr.cx("fr-mb-3w")}>
      <ul className="app-view-switch">
        {(Object.keys(viewLabels) as SearchView[]).map((view) => (
          <li key={view}>
            <Link
              to={`?${toSearchParams({ ...state, view }).toString()}`}
              aria-current={state.view === view ? "page" : undefined}
              className={fr.cx("fr-btn", "fr-btn--sm", state.view !== view && "fr-btn--tertiary")}
              replace
            >
              {viewLabels[view]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * /recherche: job + place → offers, companies likely to hire, and trainings. Everything is in the
 * address (search-params.ts): a search can be shared, and the back button returns to the last one.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = parseSearchParams(params);
  const ready = isSearchReady(state);
  usePageTitle(ready ? `${state.job.label} autour ${fromPlace(state.place)}` : "Trouver une alternance");
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  // The form restarts from the address when the search changes outside it (back button, a shared link).
  const formKey = toSearchParams({ ...state, view: "offres" }).toString();

  useEffect(() => {
    if (!focusResults.current) return;
    focusResults.current = false;
    resultsHeading.current?.focus();
  });

  const widen = (radius: number) => setParams(toSearchParams({ ...state, radius }));
  const show = (view: SearchView) => setParams(toSearchParams({ ...state, view }), { replace: true });

  return (
    <PageContainer>
      <h1>Trouver une alternance</h1>
      <p className={fr.cx("fr-text--lead")}>
        Offres, entreprises qui recrutent des alternants et formations, près de chez vous.
      </p>
      <div className="app-search-box">
        <SearchForm
          key={formKey}
          initial={state}
          onSearch={(search) => {
            focusResults.current = true;
            setParams(toSearchParams({ ...state, ...search }));
          }}
        />
      </div>

      {ready ? (
        <div className={fr.cx("fr-mt-4w")}>
          <h2 ref={resultsHeading} tabIndex={-1} className={fr.cx("fr-h5", "fr-mb-2w")}>
            Résultats pour « {state.job.label} » autour {fromPlace(state.place)}
          </h2>
          <ViewSwitch state={state} />
          <div className={fr.cx("fr-mb-3w")}>
            <CreateAlertForm
              key={formKey}
              search={{
                romeCode: state.job.romeCode,
                appellationCode: state.job.appellationCode,
                jobLabel: state.job.label,
                placeLabel: placeInSentence(state.place),
                latitude: state.place.latitude,
                longitude: state.place.longitude,
                radius: state.radius,
                diplomaLevel: state.diplomaLevel,
              }}
            />
          </div>
          {state.view === "offres" ? (
            <JobResults
              job={state.job}
              place={state.place}
              radius={state.radius}
              diplomaLevel={state.diplomaLevel}
              onShowTrainings={() => show("formations")}
              onWiden={widen}
            />
          ) : (
            <TrainingResults
              job={state.job}
              place={state.place}
              radius={state.radius}
              diplomaLevel={state.diplomaLevel}
              onWiden={widen}
            />
          )}
        </div>
      ) : (
        <p className={fr.cx("fr-mt-4w")}>
          Choisissez un métier et une ville pour voir les offres, les entreprises et les formations autour de vous.
        </p>
      )}
      <p className={fr.cx("fr-text--sm", "fr-mt-6w")}>
        Votre entreprise accueille des alternants et n'apparaît pas ici ?{" "}
        <Link to="/entreprises/referencement">Demandez son référencement</Link>.
      </p>
    </PageContainer>
  );
}
