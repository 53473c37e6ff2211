import { type AppellationSuggestion, contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { Autocomplete, type AutocompleteMessages } from "../../components/Autocomplete.js";
import { HighlightedText } from "../../components/HighlightedText.js";
import { firstIssueMessage } from "./query-validation.js";

const searchAppellations = contracts.referential.searchAppellations;
const appellationQuerySchema = searchAppellations.query.shape.q;

const messages: AutocompleteMessages = {
  noResult: (query) =>
    `Aucun métier ne correspond à « ${query} ». Vérifiez l'orthographe ou essayez un mot plus court.`,
  resultCount: (count) => (count === 1 ? "1 métier proposé." : `${count} métiers proposés.`),
};

function fetchAppellations(q: string, signal: AbortSignal): Promise<AppellationSuggestion[]> {
  return callApi(searchAppellations, { query: { q, limit: 10 }, signal });
}

function renderAppellation(item: AppellationSuggestion, query: string) {
  return (
    <>
      <HighlightedText text={item.label} query={query} />
      {/* The ROME job family tells apart titles that read alike (« Boulanger industriel »). */}
      {item.romeLabel !== item.label && (
        <span className="app-autocomplete__option-detail">Famille de métiers : {item.romeLabel}</span>
      )}
    </>
  );
}

export interface JobAutocompleteProps {
  onSelect: (job: AppellationSuggestion | null) => void;
  label?: string;
  hint?: string;
  id?: string;
  name?: string;
  /** The job already chosen (editing an offer). */
  initialText?: string;
  errorMessage?: string;
}

/** Picks a job title (ROME appellation) among the 13 000 of the referential, typo-tolerant. */
export function JobAutocomplete({
  onSelect,
  label = "Métier",
  hint = "Tapez le début du nom, par exemple : boulang, aide-soignant, développeur.",
  id,
  name,
  initialText,
  errorMessage,
}: JobAutocompleteProps) {
  return (
    <Autocomplete<AppellationSuggestion>
      id={id}
      name={name}
      label={label}
      hint={hint}
      initialText={initialText}
      errorMessage={errorMessage}
      cacheKey="appellations"
      fetchSuggestions={fetchAppellations}
      validateQuery={(query) => firstIssueMessage(appellationQuerySchema, query)}
      getOptionKey={(item) => item.codeOgr}
      getOptionLabel={(item) => item.label}
      renderOption={renderAppellation}
      messages={messages}
      onSelect={onSelect}
    />
  );
}
