import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { APPLICATION_LIMITS, type ApplicationDecision } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { RefusalReasonSelect } from "../applications/RefusalReasonSelect.js";
import { type AnswerDraft, answerInput, decisionHints, decisionLabels } from "./application-view.js";

type AnswerBody = Extract<ReturnType<typeof answerInput>, { ok: true }>["data"];

interface Props {
  applicationId: string;
  candidateName: string;
  busy: boolean;
  /** The API's refusal of the last try, mapped back to fields. */
  failure: unknown;
  onSubmit: (body: AnswerBody) => void;
}

const decisions: ApplicationDecision[] = ["interview", "refused", "undecided"];

/** Answer one application: interview, refusal (with its reason, which the candidate reads) or not yet. */
export function ApplicationAnswerForm({ applicationId, candidateName, busy, failure, onSubmit }: Props) {
  const [draft, setDraft] = useState<AnswerDraft>({ decision: undefined, reason: "", message: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = {
    decision: `reponse-${applicationId}`,
    reason: `motif-${applicationId}`,
    message: `message-${applicationId}`,
  };
  const shown = { ...apiFieldErrors(failure), ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = answerInput(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0] as keyof typeof ids | undefined;
      const target = first === "decision" ? `#${ids.decision} input` : `#${ids[first ?? "decision"]}`;
      document.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    setErrors({});
    onSubmit(checked.data);
  }

  return (
    <form onSubmit={submit} noValidate className={fr.cx("fr-mt-2w")}>
      <RadioButtons
        id={ids.decision}
        legend={`Votre réponse à ${candidateName}`}
        {...fieldState(shown.decision)}
        options={decisions.map((decision) => ({
          label: decisionLabels[decision],
          hintText: decisionHints[decision],
          nativeInputProps: {
            name: ids.decision,
            value: decision,
            checked: draft.decision === decision,
            onChange: () => {
              setDraft((d) => ({ ...d, decision }));
              setErrors({});
            },
          },
        }))}
      />
      {draft.decision === "refused" && (
        <RefusalReasonSelect
          id={ids.reason}
          value={draft.reason}
          error={shown.reason}
          onChange={(reason) => {
            setDraft((d) => ({ ...d, reason }));
            setErrors(({ reason: _, ...rest }) => rest);
          }}
        />
      )}
      <Input
        textArea
        label="Message au candidat (facultatif)"
        hintText="Par exemple un créneau d'entretien, ou un encouragement."
        {...fieldState(shown.message)}
        nativeTextAreaProps={{
          id: ids.message,
          rows: 3,
          maxLength: APPLICATION_LIMITS.answerMessage,
          value: draft.message,
          onChange: (event) => setDraft((d) => ({ ...d, message: event.target.value })),
        }}
      />
      <Button type="submit" disabled={busy}>
        Envoyer la réponse<span className="fr-sr-only"> à {candidateName}</span>
      </Button>
    </form>
  );
}
