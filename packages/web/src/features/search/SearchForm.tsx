import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { diplomaLevelLabels } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import type { FieldErrors } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import { CommuneAutocomplete, communeLabel } from "../referential/CommuneAutocomplete.js";
import { JobAutocomplete } from "../referential/JobAutocomplete.js";
import { radiusChoices, type SearchJob, type SearchPlace, type SearchState } from "./search-params.js";
import { useCurrentPosition } from "./use-current-position.js";

const ids = {
  job: "recherche-metier",
  place: "recherche-lieu",
  radius: "recherche-rayon",
  diploma: "recherche-niveau",
};
const summaryFields = {
  job: { id: ids.job, label: "Métier" },
  place: { id: ids.place, label: "Ville ou code postal" },
};

interface SearchFormProps {
  /** The search in the address; the form starts from it (remounted when it changes elsewhere). */
  initial: SearchState;
  onSearch: (search: Pick<SearchState, "job" | "place" | "radius" | "diplomaLevel">) => void;
}

/** Job + place + radius (+ diploma): what a search needs, checked before it runs. */
export function SearchForm({ initial, onSearch }: SearchFormProps) {
  const [job, setJob] = useState<SearchJob | null>(initial.job);
  const [place, setPlace] = useState<SearchPlace | null>(initial.place);
  const [radius, setRadius] = useState(initial.radius);
  const [diplomaLevel, setDiplomaLevel] = useState(initial.diplomaLevel);
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  // The place field shows a chosen position only when it mounts: a new key shows « Autour de ma position ».
  const [placeFieldKey, setPlaceFieldKey] = useState(0);
  const { locating, locate } = useCurrentPosition((outcome) => {
    if (!outcome.ok) {
      setErrors((current) => ({ ...current, place: outcome.message }));
      return;
    }
    setPlace(outcome.place);
    setPlaceFieldKey((k) => k + 1);
    clear("place");
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    // Free text is not enough: the API searches by a referential code, so a choice in the list is needed.
    if (!job) problems.job = "Choisissez un métier dans la liste proposée.";
    if (!place) problems.place = "Choisissez une commune dans la liste proposée.";
    setErrors(problems);
    setSubmissions((n) => n + 1);
    if (job && place) onSearch({ job, place, radius, diplomaLevel });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Rechercher une alternance" className="app-search-form">
      <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <JobAutocomplete
            id={ids.job}
            label="Métier"
            hint="Par exemple : boulanger, commis de cuisine, vendeur."
            initialText={initial.job?.label}
            errorMessage={errors.job}
            onSelect={(chosen) => {
              setJob(
                chosen ? { appellationCode: chosen.codeOgr, romeCode: chosen.romeCode, label: chosen.label } : null,
              );
              if (chosen) clear("job");
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <CommuneAutocomplete
            label="Ville ou code postal"
            hint="Par exemple : Lyon, 33000."
            key={placeFieldKey}
            id={ids.place}
            initialText={place?.label}
            errorMessage={errors.place}
            onSelect={(commune) => {
              setPlace(
                commune ? { label: communeLabel(commune), latitude: commune.lat, longitude: commune.lon } : null,
              );
              if (commune) clear("place");
            }}
          />
          <Button
            type="button"
            priority="tertiary no outline"
            size="small"
            iconId="fr-icon-map-pin-2-line"
            className="app-search-form__locate"
            onClick={locate}
            disabled={locating}
          >
            {locating ? "Recherche de votre position…" : "Utiliser ma position"}
          </Button>
        </div>
        <div className={fr.cx("fr-col-6", "fr-col-md-3")}>
          <Select
            label="Distance"
            nativeSelectProps={{
              id: ids.radius,
              value: String(radius),
              onChange: (event) => setRadius(Number(event.target.value)),
            }}
          >
            {radiusChoices.map((km) => (
              <option key={km} value={km}>
                {km} km
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-6", "fr-col-md-5")}>
          <Select
            label="Niveau de diplôme"
            nativeSelectProps={{
              id: ids.diploma,
              value: diplomaLevel === null ? "" : String(diplomaLevel),
              onChange: (event) => setDiplomaLevel(event.target.value ? Number(event.target.value) : null),
            }}
          >
            <option value="">Tous</option>
            {Object.entries(diplomaLevelLabels).map(([level, label]) => (
              <option key={level} value={level}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Button type="submit" iconId="fr-icon-search-line" className="app-search-form__submit">
            Rechercher
          </Button>
        </div>
      </div>
    </form>
  );
}
