import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client.js";
import { useDebouncedValue } from "./use-debounced-value.js";

/** Where a suggestion search stands, for the visible message and the screen-reader announcement. */
export type SuggestionStatus =
  | { kind: "idle" }
  | { kind: "invalid"; message: string }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "empty"; query: string }
  | { kind: "results"; count: number };

export interface SuggestionSource<T> {
  /** Names the cache of this kind of suggestion ("appellations", "communes"…). */
  cacheKey: string;
  /** Fetches suggestions; must honour `signal`, so that a request made stale by typing is cancelled. */
  fetchSuggestions: (query: string, signal: AbortSignal) => Promise<readonly T[]>;
  /** The French reason why `query` cannot be searched yet (too short…), or null. From core's schemas. */
  validateQuery: (query: string) => string | null;
}

const genericError = "La recherche n'a pas abouti. Merci de réessayer.";
// One empty list for every render: a new [] each time would look like a new list of suggestions.
const noSuggestions: readonly never[] = [];

/**
 * Suggestions for what is being typed: waits for a pause in typing, cancels the request a new
 * keystroke makes stale, keeps the previous list on screen while the next one loads.
 */
export function useSuggestions<T>(
  source: SuggestionSource<T>,
  text: string,
  options: { active: boolean; debounceMs: number },
): { query: string; suggestions: readonly T[]; status: SuggestionStatus } {
  const typed = text.trim();
  const query = useDebouncedValue(typed, options.debounceMs);
  const problem = query === "" ? null : source.validateQuery(query);
  const canSearch = options.active && query !== "" && problem === null;

  const result = useQuery({
    queryKey: ["suggestions", source.cacheKey, query],
    queryFn: ({ signal }) => source.fetchSuggestions(query, signal),
    enabled: canSearch,
    placeholderData: keepPreviousData,
    // A failed suggestion is not worth a delay: the next keystroke asks again.
    retry: false,
  });

  const suggestions = canSearch ? (result.data ?? noSuggestions) : noSuggestions;
  const settling = typed !== query || result.isPending || (result.isFetching && result.isPlaceholderData);

  let status: SuggestionStatus;
  if (!options.active || typed === "") status = { kind: "idle" };
  else if (problem !== null) status = { kind: "invalid", message: problem };
  else if (query === "") status = { kind: "idle" };
  else if (result.isError && !settling)
    status = { kind: "error", message: result.error instanceof ApiError ? result.error.message : genericError };
  else if (settling) status = { kind: "loading" };
  else if (suggestions.length === 0) status = { kind: "empty", query };
  else status = { kind: "results", count: suggestions.length };

  return { query, suggestions, status };
}
