import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { CFA_LIMITS, type CfaAnswerInput } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { type CfaAnswer, cfaAnswerInput, cfaAnswerLabels } from "./cfa-answer.js";

interface CfaAnswerFormProps {
  /** Distinguishes the ids when several forms share a page (the CFA space). */
  idPrefix: string;
  initialAnswer?: CfaAnswer;
  initialMessage?: string;
  busy: boolean;
  submitLabel?: string;
  onSubmit: (input: CfaAnswerInput) => void;
}

/** « Je propose des candidats » / « Pas de candidat pour le moment », and a message for the company. */
export function CfaAnswerForm({
  idPrefix,
  initialAnswer,
  initialMessage = "",
  busy,
  submitLabel = "Envoyer ma réponse",
  onSubmit,
}: CfaAnswerFormProps) {
  const [answer, setAnswer] = useState<CfaAnswer | undefined>(initialAnswer);
  const [message, setMessage] = useState(initialMessage);
  const [error, setError] = useState<{ field: "answer" | "message"; text: string }>();
  const ids = { answer: `${idPrefix}-reponse`, message: `${idPrefix}-message` };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = cfaAnswerInput(answer, message);
    if (!checked.ok) {
      const field = answer ? "message" : "answer";
      setError({ field, text: checked.error });
      document.querySelector<HTMLElement>(field === "answer" ? `#${ids.answer} input` : `#${ids.message}`)?.focus();
      return;
    }
    setError(undefined);
    onSubmit(checked.data);
  }

  return (
    <form onSubmit={submit} noValidate>
      <RadioButtons
        id={ids.answer}
        legend="Votre réponse à l'entreprise"
        state={error?.field === "answer" ? "error" : "default"}
        stateRelatedMessage={error?.field === "answer" ? error.text : undefined}
        options={(Object.keys(cfaAnswerLabels) as CfaAnswer[]).map((value) => ({
          label: cfaAnswerLabels[value],
          hintText:
            value === "candidates"
              ? "L'entreprise est prévenue aussitôt et reçoit l'adresse de votre centre."
              : "L'entreprise sait qu'elle peut chercher ailleurs ; vous pourrez changer d'avis.",
          nativeInputProps: {
            name: ids.answer,
            value,
            checked: answer === value,
            onChange: () => {
              setAnswer(value);
              setError(undefined);
            },
          },
        }))}
      />
      <Input
        textArea
        label="Message à l'entreprise (facultatif)"
        hintText="Par exemple le nombre de candidats, leur profil ou un créneau pour vous appeler."
        state={error?.field === "message" ? "error" : "default"}
        stateRelatedMessage={error?.field === "message" ? error.text : undefined}
        nativeTextAreaProps={{
          id: ids.message,
          rows: 3,
          maxLength: CFA_LIMITS.answerMessage,
          value: message,
          onChange: (event) => setMessage(event.target.value),
        }}
      />
      <Button type="submit" disabled={busy} className={fr.cx("fr-mt-1w")}>
        {submitLabel}
      </Button>
    </form>
  );
}
