import { type Commune, contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { Autocomplete, type AutocompleteMessages } from "../../components/Autocomplete.js";
import { HighlightedText } from "../../components/HighlightedText.js";
import { firstIssueMessage } from "./query-validation.js";

const searchCommunes = contracts.referential.searchCommunes;
const communeQuerySchema = searchCommunes.query.shape.q;

const messages: AutocompleteMessages = {
  noResult: (query) => `Aucune commune ne correspond à « ${query} ». Vérifiez l'orthographe ou le code postal.`,
  resultCount: (count) => (count === 1 ? "1 commune proposée." : `${count} communes proposées.`),
};

/** Five digits are a postal code; anything else is the start of a commune's name. */
function fetchCommunes(text: string, signal: AbortSignal): Promise<Commune[]> {
  const query = /^\d{5}$/.test(text) ? { postalCode: text, limit: 10 } : { q: text, limit: 10 };
  return callApi(searchCommunes, { query, signal });
}

export function communeLabel(commune: Commune): string {
  return `${commune.name} (${commune.departement})`;
}

export interface CommuneAutocompleteProps {
  onSelect: (commune: Commune | null) => void;
  label?: string;
  hint?: string;
  id?: string;
  name?: string;
  /** A commune already chosen (e.g. the place of a shared search address): shown, not searched. */
  initialText?: string;
  errorMessage?: string;
}

/** Picks a commune by name or postal code. Same component as the job field, other data source. */
export function CommuneAutocomplete({
  onSelect,
  label = "Commune",
  hint = "Nom de la commune ou code postal, par exemple : Lyon, 33000.",
  id,
  name,
  initialText,
  errorMessage,
}: CommuneAutocompleteProps) {
  return (
    <Autocomplete<Commune>
      id={id}
      name={name}
      label={label}
      hint={hint}
      initialText={initialText}
      errorMessage={errorMessage}
      cacheKey="communes"
      fetchSuggestions={fetchCommunes}
      validateQuery={(query) => firstIssueMessage(communeQuerySchema, query)}
      getOptionKey={(commune) => commune.inseeCode}
      getOptionLabel={communeLabel}
      renderOption={(commune, query) => (
        <>
          <HighlightedText text={commune.name} query={query} />
          <span className="app-autocomplete__option-detail">
            {commune.departementName} ({commune.departement}) · {commune.postalCodes.slice(0, 3).join(", ")}
            {commune.postalCodes.length > 3 ? "…" : ""}
          </span>
        </>
      )}
      messages={messages}
      onSelect={onSelect}
    />
  );
}
