import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { type CfaInboxItem, formatFrenchDate } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { CfaAnswerForm } from "../cfa-matching/CfaAnswerForm.js";
import { CfaRequestFacts } from "../cfa-matching/CfaRequestFacts.js";
import { cfaAnswerLabels } from "../cfa-matching/cfa-answer.js";
import { formatDistance, matchLabel } from "../cfa-matching/cfa-view.js";
import { useAnswerCfaRequest } from "./use-cfa-inbox.js";

/** One company's request in the CFA space: the need, the answer given, and a form to give or change it. */
export function CfaInboxItemCard({ item, showOrganisation }: { item: CfaInboxItem; showOrganisation: boolean }) {
  const titleId = `demande-${item.id}`;
  const [editing, setEditing] = useState(false);
  const answer = useAnswerCfaRequest(item.id);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer.isSuccess || answer.isError) outcomeRef.current?.focus();
  }, [answer.isSuccess, answer.isError]);

  return (
    <li className="app-bordered" aria-labelledby={titleId}>
      <div className="app-card-head">
        <h3 id={titleId} className={fr.cx("fr-h5", "fr-mb-1w")}>
          {item.offer.title} · {item.offer.companyName}
        </h3>
        {item.answer ? (
          <Badge small severity={item.answer === "candidates" ? "success" : "info"}>
            {cfaAnswerLabels[item.answer]}
          </Badge>
        ) : (
          <Badge small severity={item.canAnswer ? "new" : undefined} noIcon={!item.canAnswer}>
            {item.canAnswer ? "À répondre" : "Offre close"}
          </Badge>
        )}
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>
        Reçue le {formatFrenchDate(item.sentAt)} · {formatDistance(item.distanceKm)} de vos formations ·{" "}
        {matchLabel(item.match)}
        {showOrganisation ? ` · SIRET ${item.cfaSiret}` : ""}
      </p>
      <CfaRequestFacts offer={item.offer} />
      <div ref={outcomeRef} tabIndex={-1}>
        {answer.isSuccess && (
          <Alert severity="success" small description="Réponse enregistrée : l'entreprise en est prévenue." />
        )}
        {answer.isError && <ApiErrorAlert error={answer.error} title="La réponse n'a pas pu être envoyée" />}
      </div>
      {item.answer && item.answeredAt && (
        <p className={fr.cx("fr-text--sm", "fr-mt-2w")}>
          Votre réponse du {formatFrenchDate(item.answeredAt)}
          {item.answerMessage ? ` : « ${item.answerMessage} »` : "."}
        </p>
      )}
      {item.canAnswer &&
        (item.answer === null || editing ? (
          <CfaAnswerForm
            idPrefix={`demande-${item.id}`}
            initialAnswer={item.answer ?? undefined}
            initialMessage={item.answerMessage ?? ""}
            busy={answer.isPending}
            submitLabel={item.answer ? "Changer ma réponse" : "Envoyer ma réponse"}
            onSubmit={(input) => answer.mutate(input, { onSuccess: () => setEditing(false) })}
          />
        ) : (
          <button
            type="button"
            className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-btn--sm", "fr-mb-2w")}
            onClick={() => {
              answer.reset();
              setEditing(true);
            }}
          >
            Changer ma réponse<span className="fr-sr-only"> à {item.offer.companyName}</span>
          </button>
        ))}
    </li>
  );
}
