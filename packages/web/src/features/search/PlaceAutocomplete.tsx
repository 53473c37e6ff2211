import { type Commune, contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { Autocomplete, type AutocompleteMessages } from "../../components/Autocomplete.js";
import { HighlightedText } from "../../components/HighlightedText.js";
import { firstIssueMessage } from "../referential/query-validation.js";

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

export const communeLabel = (commune: Commune): string => `${commune.name} (${commune.departement})`;

export interface PlaceAutocompleteProps {
  id: string;
  onSelect: (commune: Commune | null) => void;
  /** The place of the search in the address: shown again, not searched. */
  initialText?: string;
  errorMessage?: string;
}

/**
 * The commune of a search. Same data as referential/CommuneAutocomplete, which cannot show a place
 * already chosen (a shared search address) nor a form error: it takes neither initialText nor
 * errorMessage, and it belongs to another feature.
 */
export function PlaceAutocomplete({ id, onSelect, initialText, errorMessage }: PlaceAutocompleteProps) {
  return (
    <Autocomplete<Commune>
      id={id}
      label="Ville ou code postal"
      hint="Par exemple : Lyon, 33000."
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
