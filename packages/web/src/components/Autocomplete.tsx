import { fr } from "@codegouvfr/react-dsfr";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { HighlightedText } from "./HighlightedText.js";
import { isListboxKey, nextActiveIndex } from "./listbox-navigation.js";
import { useDebouncedValue } from "./use-debounced-value.js";
import { type SuggestionSource, type SuggestionStatus, useSuggestions } from "./use-suggestions.js";
import "./autocomplete.css";

export interface AutocompleteMessages {
  /** Said when the search found nothing, e.g. « Aucun métier ne correspond à « xyz ». » */
  noResult: (query: string) => string;
  /** Said to screen readers when suggestions arrive, e.g. « 10 métiers proposés. » */
  resultCount: (count: number) => string;
}

export interface AutocompleteProps<T> extends SuggestionSource<T> {
  label: ReactNode;
  /** Shown under the label, always (examples of what to type). */
  hint?: ReactNode;
  placeholder?: string;
  messages: AutocompleteMessages;
  getOptionKey: (item: T) => string;
  /** The text put in the field once the option is chosen (and the option's accessible name by default). */
  getOptionLabel: (item: T) => string;
  /** The option's content; defaults to its label with the typed words highlighted. */
  renderOption?: (item: T, query: string) => ReactNode;
  /** Called with the chosen item, and with null when the text is edited after a choice. */
  onSelect: (item: T | null) => void;
  /** Waiting time after the last keystroke before searching. */
  debounceMs?: number;
  id?: string;
  name?: string;
  /** The label of a value already chosen (editing a saved form): shown, and not searched. */
  initialText?: string;
  /** A problem of the form with this field (« Choisissez un métier dans la liste. »), shown in the error state. */
  errorMessage?: string;
}

/** The screen-reader announcement for a status; loading says nothing, to keep typing quiet. */
function announcementFor(status: SuggestionStatus, messages: AutocompleteMessages): string {
  switch (status.kind) {
    case "invalid":
    case "error":
      return status.message;
    case "empty":
      return messages.noResult(status.query);
    case "results":
      return messages.resultCount(status.count);
    default:
      return "";
  }
}

/**
 * A text field that suggests values as one types: the WAI-ARIA 1.2 « combobox » pattern with a
 * listbox popup (focus stays in the field; aria-activedescendant points at the highlighted option).
 * Keys: ↓/↑ move (and open), Entrée chooses, Échap closes then clears, Début/Fin jump to the first
 * or last option while one is highlighted. Data comes from `fetchSuggestions`, so the same
 * component serves job titles, communes…
 */
export function Autocomplete<T>(props: AutocompleteProps<T>) {
  const {
    label,
    hint,
    placeholder,
    messages,
    getOptionKey,
    getOptionLabel,
    renderOption,
    onSelect,
    name,
    errorMessage,
  } = props;
  const generatedId = useId();
  const id = props.id ?? `autocomplete-${generatedId.replaceAll(":", "")}`;
  const ids = { listbox: `${id}-listbox`, hint: `${id}-hint`, messages: `${id}-messages` };

  const [text, setText] = useState(props.initialText ?? "");
  const [chosenLabel, setChosenLabel] = useState<string | null>(props.initialText || null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listboxRef = useRef<HTMLDivElement>(null);

  const { query, suggestions, status } = useSuggestions(props, text, {
    active: chosenLabel === null,
    debounceMs: props.debounceMs ?? 150,
  });
  const expanded = open && suggestions.length > 0;
  // Said only when a search is slow and nothing is on screen yet: no flicker while typing.
  const loadingWithNothingShown = status.kind === "loading" && !expanded;
  const showLoading = useDebouncedValue(loadingWithNothingShown, 400) && loadingWithNothingShown;

  // A new list invalidates the highlighted position.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetting is the point when the list changes
  useEffect(() => setActiveIndex(-1), [suggestions]);

  useEffect(() => {
    if (activeIndex < 0) return;
    listboxRef.current?.children[activeIndex]?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  function choose(item: T) {
    const chosen = getOptionLabel(item);
    setText(chosen);
    setChosenLabel(chosen);
    setOpen(false);
    setActiveIndex(-1);
    onSelect(item);
  }

  function changeText(value: string) {
    setText(value);
    setOpen(true);
    setActiveIndex(-1);
    if (chosenLabel !== null) {
      setChosenLabel(null);
      onSelect(null);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const { key } = event;
    if (isListboxKey(key)) {
      if (event.altKey && key === "ArrowDown") {
        setOpen(true);
        event.preventDefault();
        return;
      }
      const next = nextActiveIndex(key, activeIndex, suggestions.length);
      if (next === undefined) return;
      event.preventDefault();
      setOpen(true);
      setActiveIndex(next);
    } else if (key === "Enter") {
      const item = suggestions[activeIndex];
      if (!expanded || item === undefined) return;
      event.preventDefault();
      choose(item);
    } else if (key === "Escape") {
      event.preventDefault();
      if (expanded) {
        setOpen(false);
        setActiveIndex(-1);
      } else if (text !== "") changeText("");
    } else if (key === "Tab") {
      setOpen(false);
    }
  }

  const visibleMessage = status.kind === "invalid" || status.kind === "empty" || status.kind === "error";
  // The form's error is about the value, which a search in progress does not change yet.
  const formError = errorMessage && !visibleMessage ? errorMessage : undefined;
  const inError = status.kind === "error" || formError !== undefined;
  const describedBy = [
    hint === undefined ? undefined : ids.hint,
    visibleMessage || formError ? ids.messages : undefined,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={fr.cx("fr-input-group", inError && "fr-input-group--error")}>
      <label className={fr.cx("fr-label")} htmlFor={id}>
        {label}
        {hint !== undefined && (
          <span className={fr.cx("fr-hint-text")} id={ids.hint}>
            {hint}
          </span>
        )}
      </label>
      <div className="app-autocomplete">
        <input
          id={id}
          name={name}
          className={fr.cx("fr-input", inError && "fr-input--error")}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={ids.listbox}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={formError ? true : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={placeholder}
          value={text}
          onChange={(event) => changeText(event.target.value)}
          onKeyDown={handleKeyDown}
          onBlur={() => setOpen(false)}
          onClick={() => setOpen(true)}
        />
        <div id={ids.listbox} ref={listboxRef} role="listbox" className="app-autocomplete__listbox" hidden={!expanded}>
          {suggestions.map((item, index) => (
            // Options are never focused themselves: the field keeps the focus and points at the highlighted
            // one (aria-activedescendant), which is how the keyboard reaches them.
            // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: see above
            <div
              key={getOptionKey(item)}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="app-autocomplete__option"
              // A click must not blur the field before it chooses.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(item)}
            >
              {renderOption ? renderOption(item, query) : <HighlightedText text={getOptionLabel(item)} query={query} />}
            </div>
          ))}
        </div>
      </div>
      <div className={fr.cx("fr-messages-group")} id={ids.messages}>
        {showLoading && <p className={fr.cx("fr-message", "fr-message--info")}>Recherche en cours…</p>}
        {formError && <p className={fr.cx("fr-message", "fr-message--error")}>{formError}</p>}
        {visibleMessage && (
          <p className={fr.cx("fr-message", status.kind === "error" ? "fr-message--error" : "fr-message--info")}>
            {announcementFor(status, messages)}
          </p>
        )}
      </div>
      <p className={fr.cx("fr-sr-only")} role="status" aria-live="polite" aria-atomic="true">
        {announcementFor(status, messages)}
      </p>
    </div>
  );
}
