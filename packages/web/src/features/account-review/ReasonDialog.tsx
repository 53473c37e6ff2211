import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { createModal } from "@codegouvfr/react-dsfr/Modal";
import { reasonSchema } from "@tremplin/core";
import { useState } from "react";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { fieldState, validateWith } from "../../components/forms/field-errors.js";

type Modal = ReturnType<typeof createModal>;

interface ReasonDialogProps {
  modal: Modal;
  title: string;
  intro: string;
  label: string;
  hint: string;
  confirmLabel: string;
  /** A reason is required (core's reasonSchema), or an optional comment. */
  required: boolean;
  onConfirm: (text: string) => Promise<unknown>;
}

/**
 * A confirmation that asks why: refusing, disabling or re-enabling an account (the reason goes to
 * the audit trail, and to the recruiter for a refusal). Stays open, with the text, when it fails.
 */
export function ReasonDialog({
  modal,
  title,
  intro,
  label,
  hint,
  confirmLabel,
  required,
  onConfirm,
}: ReasonDialogProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldId = `${modal.id}-motif`;

  async function confirm() {
    const checked = required ? validateWith(reasonSchema, text) : { ok: true as const, data: text.trim() };
    if (!checked.ok) {
      setError(checked.errors[""] ?? "Indiquez un motif.");
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    setFailure(undefined);
    setBusy(true);
    try {
      await onConfirm(checked.data);
      setText("");
      modal.close();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <modal.Component
      title={title}
      buttons={[
        { children: "Annuler", priority: "secondary" },
        {
          children: busy ? "Envoi…" : confirmLabel,
          doClosesModal: false,
          disabled: busy,
          onClick: () => void confirm(),
        },
      ]}
    >
      <p>{intro}</p>
      {failure !== undefined && <ApiErrorAlert error={failure} className={fr.cx("fr-mb-2w")} />}
      <Input
        textArea
        label={label}
        hintText={hint}
        {...fieldState(error)}
        nativeTextAreaProps={{
          id: fieldId,
          rows: 4,
          maxLength: 1000,
          value: text,
          onChange: (e) => setText(e.target.value),
        }}
      />
    </modal.Component>
  );
}
