import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ApplicationStatus,
  contracts,
  formatFrenchDate,
  type RecruiterApplication,
  refusalReasonLabels,
} from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { ApiError, callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ApplicationAnswerForm } from "./ApplicationAnswerForm.js";
import { canAnswer, candidateName, formatFileSize } from "./application-view.js";
import { CloseFilledOfferPrompt } from "./CloseFilledOfferPrompt.js";

const statusSeverity: Record<ApplicationStatus, "new" | "info" | "success" | "error"> = {
  new: "new",
  seen: "info",
  interview: "success",
  refused: "error",
  hired: "success",
  withdrawn: "info",
};

/** One application received: who, when, their words, where the CV is, and the answer. */
export function ApplicationCard({ application, queryKey }: { application: RecruiterApplication; queryKey: unknown[] }) {
  const name = candidateName(application);
  const titleId = `candidature-${application.id}`;
  const [answering, setAnswering] = useState(false);
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (body: Parameters<typeof callApi<typeof contracts.applications.answerFromSpace>>[1]["body"]) =>
      callApi(contracts.applications.answerFromSpace, { params: { id: application.id }, body }),
    onSuccess: () => {
      setAnswering(false);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer.data) outcomeRef.current?.focus();
  }, [answer.data]);
  // Field-level refusals stay in the form; the others are said above it.
  const generalFailure = answer.error instanceof ApiError && answer.error.code !== "VALIDATION_ERROR";

  return (
    <li className="app-bordered" aria-labelledby={titleId}>
      <div className="app-card-head">
        <h3 id={titleId} className={fr.cx("fr-h5", "fr-mb-1w")}>
          {name}
        </h3>
        <Badge small severity={statusSeverity[application.status]}>
          {application.statusLabel}
        </Badge>
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Reçue le {formatFrenchDate(application.createdAt)}
        {application.source !== "tremplin" ? ` · par ${application.source}` : ""}
      </p>
      <p className={fr.cx("fr-mb-1w")}>
        <a href={`mailto:${application.candidate.email}`}>{application.candidate.email}</a>
        {application.candidate.phone && (
          <>
            {" · "}
            <a href={`tel:${application.candidate.phone.replace(/\s/g, "")}`}>{application.candidate.phone}</a>
          </>
        )}
      </p>
      {application.message && (
        <blockquote className="app-quote">
          <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{application.message}</p>
        </blockquote>
      )}
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {application.cv
          ? `CV : ${application.cv.fileName} (${formatFileSize(application.cv.size)}), joint à l'e-mail de candidature que vous avez reçu.`
          : "Pas de CV joint."}
      </p>
      {application.delivery === "failed" && (
        <Alert
          severity="warning"
          small
          description="L'e-mail de cette candidature n'a pas pu vous être remis : répondez depuis cette page."
          className={fr.cx("fr-mb-2w")}
        />
      )}
      {application.answer && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          Votre réponse du {formatFrenchDate(application.answer.answeredAt)} : {application.statusLabel.toLowerCase()}
          {application.answer.reason ? ` (${refusalReasonLabels[application.answer.reason]})` : ""}
          {application.answer.message ? ` — « ${application.answer.message} »` : ""}
        </p>
      )}
      <div ref={outcomeRef} tabIndex={-1}>
        {answer.data && !answering && (
          <Alert severity="success" small description={answer.data.message} className={fr.cx("fr-mb-2w")} />
        )}
        {generalFailure && <ApiErrorAlert error={answer.error} className={fr.cx("fr-mb-2w")} />}
      </div>
      {answer.variables?.reason === "position_filled" && answer.isSuccess && application.target.offerId && (
        <CloseFilledOfferPrompt offerId={application.target.offerId} offerTitle={application.target.title} />
      )}
      {canAnswer(application.status) &&
        (answering ? (
          <ApplicationAnswerForm
            applicationId={application.id}
            candidateName={name}
            busy={answer.isPending}
            failure={answer.error}
            onSubmit={(body) => answer.mutate(body)}
          />
        ) : (
          <button
            type="button"
            className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--sm", "fr-mb-2w")}
            onClick={() => {
              answer.reset();
              setAnswering(true);
            }}
          >
            Répondre<span className="fr-sr-only"> à {name}</span>
          </button>
        ))}
    </li>
  );
}
