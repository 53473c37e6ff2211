import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { decisionReasonSchema } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { fieldState, validateWith } from "../../components/forms/field-errors.js";

/** The reason of a refusal (sent to whoever asked), checked with core's rule before it leaves. */
export function RefuseForm({
  id,
  busy,
  onRefuse,
  onCancel,
}: {
  id: string;
  busy: boolean;
  onRefuse: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const fieldId = `motif-${id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(decisionReasonSchema, { reason });
    if (!checked.ok) {
      setError(checked.errors.reason ?? "Indiquez le motif.");
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    onRefuse(checked.data.reason);
  }

  return (
    <form onSubmit={submit} noValidate className={fr.cx("fr-mt-2w")}>
      <Input
        textArea
        label="Motif du refus"
        hintText="Il est transmis par e-mail à la personne qui a fait la demande."
        {...fieldState(error)}
        nativeTextAreaProps={{
          id: fieldId,
          rows: 2,
          maxLength: 1000,
          value: reason,
          onChange: (event) => setReason(event.target.value),
        }}
      />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
        <li>
          <button type="submit" className={fr.cx("fr-btn", "fr-btn--sm")} disabled={busy}>
            Refuser
          </button>
        </li>
        <li>
          <button type="button" className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} onClick={onCancel}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}
