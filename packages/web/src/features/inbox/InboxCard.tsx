import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  APPLICATION_LIMITS,
  contracts,
  formatFrenchDate,
  NOTE_MAX,
  type ReceivedApplication,
  type RecruiterStatus,
  type RefusalReason,
  refusalReasonLabels,
  updateReceivedApplicationSchema,
} from "@tremplin/core";
import { useState } from "react";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { RefusalReasonSelect } from "../applications/RefusalReasonSelect.js";
import { candidateName } from "../applications-received/application-view.js";
import type { OfferToClose } from "./CloseOfferDialog.js";
import { nextStatuses, statusActionLabels } from "./inbox-view.js";

const severity = {
  new: "new",
  seen: "info",
  interview: "success",
  refused: "error",
  hired: "success",
  withdrawn: "warning",
} as const;
type Body = NonNullable<
  Parameters<typeof callApi<typeof contracts.applicationLifecycle.updateReceivedApplication>>[1]
>["body"];

/** One application of the inbox: who, for what, their words and CV, its status and the private note. */
export function InboxCard({
  application,
  onOfferToClose,
}: {
  application: ReceivedApplication;
  onOfferToClose: (offer: OfferToClose) => void;
}) {
  const name = candidateName(application);
  const id = application.id;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RecruiterStatus | "">("");
  const [reason, setReason] = useState<RefusalReason | "">("");
  const [message, setMessage] = useState("");
  const [note, setNote] = useState(application.note ?? "");
  const [said, setSaid] = useState<string>();
  const update = useMutation({
    mutationFn: (body: Body) =>
      callApi(contracts.applicationLifecycle.updateReceivedApplication, { params: { id }, body }),
    onSuccess: (result, body) => {
      setSaid(
        body.status ? `Candidature de ${name} : ${result.application.statusLabel.toLowerCase()}.` : "Note enregistrée.",
      );
      setStatus("");
      setMessage("");
      void queryClient.invalidateQueries({ queryKey: ["inbox"] });
      const offer = result.offerToClose;
      if (offer) onOfferToClose({ id: offer.offerId, title: offer.title, hiredApplicationId: id });
    },
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...apiFieldErrors(update.error), ...checked };
  // Core's schema first (a refusal needs its reason): the same words as the API, before any request.
  const send = (body: Body) => {
    const parsed = updateReceivedApplicationSchema.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "status")] ??= issue.message;
      setChecked(found);
      return;
    }
    setChecked({});
    update.mutate(body);
  };
  const { target } = application;
  const options = nextStatuses(application.status);

  return (
    <li className="app-bordered" aria-labelledby={`recue-${id}`}>
      <div className="app-card-head">
        <h2 id={`recue-${id}`} className={fr.cx("fr-h5", "fr-mb-1w")}>
          {name}
        </h2>
        <Badge small severity={severity[application.status]}>
          {application.statusLabel}
        </Badge>
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {target.kind === "offer" ? `Offre « ${target.title} »` : `Candidature spontanée à ${target.companyName}`} ·
        reçue le {formatFrenchDate(application.createdAt)}
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        <a href={`mailto:${application.candidate.email}`}>{application.candidate.email}</a>
        {application.candidate.phone && ` · ${application.candidate.phone}`}
      </p>
      {application.message && (
        <blockquote className="app-quote">
          <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{application.message}</p>
        </blockquote>
      )}
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {application.cvAvailable ? (
          <a
            className={fr.cx("fr-link", "fr-link--sm", "fr-icon-download-line", "fr-link--icon-left")}
            href={`/api/v1/me/received-applications/${id}/cv`}
            download
          >
            Télécharger le CV<span className="fr-sr-only"> de {name}</span>
            {application.cv ? ` « ${application.cv.fileName} »` : ""}
          </a>
        ) : application.cv ? (
          "CV plus conservé ici : il reste joint à l'e-mail de candidature."
        ) : (
          "Pas de CV joint."
        )}
      </p>
      {application.answer && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          Dernière réponse le {formatFrenchDate(application.answer.answeredAt)}
          {application.answer.reason ? ` (${refusalReasonLabels[application.answer.reason]})` : ""}
          {application.answer.message ? ` — « ${application.answer.message} »` : ""}
        </p>
      )}
      {application.contractSignedAt && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          Le candidat a déclaré avoir signé un contrat le {formatFrenchDate(application.contractSignedAt)}.
        </p>
      )}
      <div role="status">
        {said && <Alert severity="success" small description={said} className={fr.cx("fr-mb-2w")} />}
      </div>
      {update.error && !errors.reason && !errors.note && (
        <ApiErrorAlert error={update.error} className={fr.cx("fr-mb-2w")} />
      )}
      <details className={fr.cx("fr-mb-2w")}>
        <summary>
          Suivi<span className="fr-sr-only"> de la candidature de {name}</span>
          {application.note ? " · note enregistrée" : ""}
        </summary>
        {options.length > 0 && (
          <form
            className={fr.cx("fr-mt-2w")}
            onSubmit={(e) => {
              e.preventDefault();
              if (!status) return;
              send({
                status,
                ...(status === "refused" && reason ? { reason } : {}),
                ...(message.trim() ? { message } : {}),
              });
            }}
          >
            <Select
              label="Nouvel état (le candidat le voit)"
              nativeSelectProps={{
                id: `etat-${id}`,
                value: status,
                onChange: (e) => setStatus(e.target.value as RecruiterStatus),
              }}
            >
              <option value="" disabled>
                Choisissez un état
              </option>
              {options.map((s) => (
                <option key={s} value={s}>
                  {statusActionLabels[s]}
                </option>
              ))}
            </Select>
            {status === "refused" && (
              <RefusalReasonSelect id={`motif-${id}`} value={reason} error={errors.reason} onChange={setReason} />
            )}
            {status && status !== "seen" && (
              <Input
                textArea
                label="Message au candidat (facultatif)"
                nativeTextAreaProps={{
                  id: `message-${id}`,
                  rows: 2,
                  maxLength: APPLICATION_LIMITS.answerMessage,
                  value: message,
                  onChange: (e) => setMessage(e.target.value),
                }}
              />
            )}
            <Button type="submit" size="small" disabled={!status || update.isPending}>
              Changer l'état<span className="fr-sr-only"> de la candidature de {name}</span>
            </Button>
          </form>
        )}
        <form
          className={fr.cx("fr-mt-3w")}
          onSubmit={(e) => {
            e.preventDefault();
            send({ note });
          }}
        >
          <Input
            textArea
            label="Note privée"
            hintText="Visible de votre organisation seulement, jamais du candidat."
            {...fieldState(errors.note)}
            nativeTextAreaProps={{
              id: `note-${id}`,
              rows: 2,
              maxLength: NOTE_MAX,
              value: note,
              onChange: (e) => setNote(e.target.value),
            }}
          />
          <Button type="submit" size="small" priority="secondary" disabled={update.isPending}>
            Enregistrer la note<span className="fr-sr-only"> sur {name}</span>
          </Button>
        </form>
      </details>
    </li>
  );
}
