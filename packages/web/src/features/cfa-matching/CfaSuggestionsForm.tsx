import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { CFA_LIMITS, type CfaSuggestion, type CfaSuggestions, createCfaRequestsSchema } from "@tremplin/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { validateWith } from "../../components/forms/field-errors.js";
import {
  formatDistance,
  isSelectable,
  matchLabel,
  moreTrainings,
  requestStateLabel,
  selectableChoice,
  toggleChoice,
  trainingLine,
} from "./cfa-view.js";
import { useSendCfaRequests } from "./use-cfa-requests.js";

const fieldsetId = "choix-cfa";

function SuggestionHint({ suggestion }: { suggestion: CfaSuggestion }) {
  const more = moreTrainings(suggestion.trainings.length, suggestion.trainingsCount);
  const place = [suggestion.postalCode, suggestion.city].filter(Boolean).join(" ");
  return (
    <>
      {place ? `${place} · ` : ""}
      {formatDistance(suggestion.distanceKm)} · {matchLabel(suggestion.match)}
      {suggestion.request && (
        <>
          <br />
          <strong>{requestStateLabel(suggestion.request)}</strong>
        </>
      )}
      <ul className="app-cfa-trainings">
        {suggestion.trainings.map((training) => (
          <li key={training.id}>{trainingLine(training)}</li>
        ))}
        {more && <li>{more}</li>}
      </ul>
    </>
  );
}

/**
 * The suggested CFAs as checkboxes, and « Envoyer ». Those already asked stay listed (ticked and
 * disabled, with where their request stands) so that the recruiter sees the whole neighbourhood.
 */
export function CfaSuggestionsForm({ offerId, suggestions }: { offerId: string; suggestions: CfaSuggestions }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [sentCount, setSentCount] = useState<number>();
  const send = useSendCfaRequests(offerId);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const choice = selectableChoice(chosen, suggestions.items);
  const open = suggestions.items.filter(isSelectable).length;

  // The outcome replaces what was ticked: say it where focus reads it. A refusal before sending
  // (nothing ticked) takes the focus to the first box, under the message that explains.
  useEffect(() => {
    if (sentCount !== undefined || send.isError) outcomeRef.current?.focus();
  }, [sentCount, send.isError]);
  useEffect(() => {
    if (error) document.querySelector<HTMLInputElement>(`#${fieldsetId} input:not(:disabled)`)?.focus();
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentCount(undefined);
    const checked = validateWith(createCfaRequestsSchema, { cfaSirets: choice });
    if (!checked.ok) {
      setError(Object.values(checked.errors)[0] ?? "Choisissez au moins un CFA.");
      return;
    }
    setError(undefined);
    send.mutate(checked.data.cfaSirets, {
      onSuccess: () => {
        setSentCount(checked.data.cfaSirets.length);
        setChosen(new Set());
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div ref={outcomeRef} tabIndex={-1}>
        {sentCount !== undefined && (
          <Alert
            severity="success"
            title={suggestions.held ? "Votre demande est enregistrée" : "Votre besoin a été transmis"}
            description={
              suggestions.held
                ? `${sentCount === 1 ? "Le CFA choisi la recevra" : `Les ${sentCount} CFA choisis la recevront`} dès la mise en ligne de votre offre. Nous vous transmettrons chaque réponse par e-mail.`
                : `${sentCount === 1 ? "Le CFA choisi a reçu" : `Les ${sentCount} CFA choisis ont reçu`} votre besoin et vos coordonnées. Nous vous transmettrons chaque réponse par e-mail.`
            }
            className={fr.cx("fr-mb-3w")}
          />
        )}
        {send.isError && (
          <ApiErrorAlert error={send.error} title="La demande n'a pas pu être envoyée" className={fr.cx("fr-mb-3w")} />
        )}
      </div>
      <Checkbox
        id={fieldsetId}
        legend={`CFA à moins de ${suggestions.radiusKm} km qui forment au métier « ${suggestions.romeLabel} »`}
        hintText={`Cochez ceux à qui faire connaître votre besoin (${CFA_LIMITS.suggestions} au plus). Chacun reçoit votre offre et vos coordonnées par e-mail.`}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        options={suggestions.items.map((suggestion) => ({
          label: suggestion.name,
          hintText: <SuggestionHint suggestion={suggestion} />,
          nativeInputProps: {
            value: suggestion.siret,
            checked: !isSelectable(suggestion) || chosen.has(suggestion.siret),
            disabled: !isSelectable(suggestion),
            onChange: () => {
              setError(undefined);
              setChosen((current) => toggleChoice(current, suggestion.siret, CFA_LIMITS.suggestions));
            },
          },
        }))}
      />
      {open > 0 && (
        <Button type="submit" disabled={send.isPending}>
          {choice.length === 0
            ? "Envoyer ma demande"
            : choice.length === 1
              ? "Envoyer ma demande au CFA choisi"
              : `Envoyer ma demande aux ${choice.length} CFA choisis`}
        </Button>
      )}
    </form>
  );
}
