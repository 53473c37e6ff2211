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
      <ul className="app-cfa-trainings">
        {suggestion.trainings.map((training) => (
          <li key={training.id}>{trainingLine(training)}</li>
        ))}
        {more && <li>{more}</li>}
      </ul>
    </>
  );
}

/** The suggested CFAs not asked yet as checkboxes, and « Envoyer ». */
export function CfaSuggestionsForm({ offerId, suggestions }: { offerId: string; suggestions: CfaSuggestions }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [sentCount, setSentCount] = useState<number>();
  const send = useSendCfaRequests(offerId);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const choice = selectableChoice(chosen, suggestions.items);
  // CFAs already asked are listed under « Demandes envoyées », with their answers, not as boxes.
  const open = suggestions.items.filter(isSelectable);
  const asked = suggestions.items.length - open.length;

  // The outcome replaces what was ticked: say it where focus reads it. A refusal before sending
  // (nothing ticked) takes the focus to the first box, under the message that explains.
  useEffect(() => {
    if (sentCount !== undefined || send.isError) outcomeRef.current?.focus();
  }, [sentCount, send.isError]);
  useEffect(() => {
    if (error) document.querySelector<HTMLInputElement>(`#${fieldsetId} input`)?.focus();
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
      {open.length === 0 ? (
        <p>Vous avez sollicité tous les CFA proposés pour cette offre : leurs réponses s'affichent ci-dessous.</p>
      ) : (
        <>
          <Checkbox
            id={fieldsetId}
            legend={`CFA à moins de ${suggestions.radiusKm} km qui forment au métier « ${suggestions.romeLabel} »`}
            hintText={`Cochez ceux à qui faire connaître votre besoin (${CFA_LIMITS.suggestions} au plus). Chacun reçoit votre offre et vos coordonnées par e-mail.${asked > 0 ? " Les CFA déjà sollicités sont listés plus bas." : ""}`}
            state={error ? "error" : "default"}
            stateRelatedMessage={error}
            options={open.map((suggestion) => ({
              label: suggestion.name,
              hintText: <SuggestionHint suggestion={suggestion} />,
              nativeInputProps: {
                value: suggestion.siret,
                checked: chosen.has(suggestion.siret),
                onChange: () => {
                  setError(undefined);
                  setChosen((current) => toggleChoice(current, suggestion.siret, CFA_LIMITS.suggestions));
                },
              },
            }))}
          />
          <Button type="submit" disabled={send.isPending}>
            {choice.length === 0
              ? "Envoyer ma demande"
              : choice.length === 1
                ? "Envoyer ma demande au CFA choisi"
                : `Envoyer ma demande aux ${choice.length} CFA choisis`}
          </Button>
        </>
      )}
    </form>
  );
}
