import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useMutation } from "@tanstack/react-query";
import { type CreateReport, contracts, type ReportReason, reportReasonLabels, reportReasons } from "@tremplin/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { fieldState } from "../../components/forms/field-errors.js";
import { type ReportTarget, reportBody, reportTargetWords } from "./report-body.js";

/**
 * « Signaler cette offre / cette entreprise »: a link that opens a short form (reason, optional
 * details) sent to the team's queue. Folded by default: most visitors never need it, and it must
 * not compete with « Postuler ».
 */
export function ReportForm({ target }: { target: ReportTarget }) {
  const words = reportTargetWords(target);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | "">("");
  const [message, setMessage] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const send = useMutation({
    mutationFn: (body: CreateReport) => callApi(contracts.reports.createReport, { body }),
    onSuccess: () => requestAnimationFrame(() => doneRef.current?.focus()),
  });

  if (send.isSuccess) {
    return (
      <div ref={doneRef} tabIndex={-1} className={fr.cx("fr-mt-4w")}>
        <Alert severity="success" small description={send.data.message} />
      </div>
    );
  }

  if (!open) {
    return (
      <p className={fr.cx("fr-mt-4w", "fr-text--sm")}>
        <button
          type="button"
          className={fr.cx("fr-link", "fr-link--sm", "fr-icon-flag-line", "fr-link--icon-left")}
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          Signaler {words.this}
        </button>
      </p>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setReasonError("Choisissez la raison du signalement.");
      document.querySelector<HTMLInputElement>(`input[name="${ids}-reason"]`)?.focus();
      return;
    }
    setReasonError(undefined);
    send.mutate(reportBody(target, reason, message));
  }

  return (
    <form onSubmit={submit} noValidate className={fr.cx("fr-mt-4w")} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className={fr.cx("fr-h6")}>
        Signaler {words.this}
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        L'équipe Tremplin examine chaque signalement et peut retirer {words.the} du site. Votre signalement est anonyme.
      </p>
      {send.isError && <ApiErrorAlert error={send.error} className={fr.cx("fr-mb-3w")} />}
      <RadioButtons
        legend="Que se passe-t-il ?"
        {...fieldState(reasonError)}
        name={`${ids}-reason`}
        options={reportReasons.map((r) => ({
          label: reportReasonLabels[r],
          nativeInputProps: {
            value: r,
            checked: reason === r,
            onChange: () => {
              setReason(r);
              setReasonError(undefined);
            },
          },
        }))}
      />
      <Input
        label="Précisions (facultatif)"
        hintText="2 000 caractères au plus. N'y mettez pas vos coordonnées."
        textArea
        nativeTextAreaProps={{
          id: `${ids}-message`,
          maxLength: 2000,
          rows: 3,
          value: message,
          onChange: (event) => setMessage(event.target.value),
        }}
      />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? "Envoi…" : "Envoyer le signalement"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
