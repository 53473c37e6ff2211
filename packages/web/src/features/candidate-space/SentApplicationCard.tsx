import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatFrenchDate, type SentApplication } from "@tremplin/core";
import { Link } from "react-router";
import { canDeclareContract, sentStatusSeverity, sentTitle } from "./sent-application-view.js";

interface Props {
  application: SentApplication;
  busy: boolean;
  onWithdraw: (application: SentApplication) => void;
  onContractSigned: (application: SentApplication) => void;
}

/** One application sent: where, when, where it stands, the recruiter's answer, and what the candidate can do. */
export function SentApplicationCard({ application, busy, onWithdraw, onContractSigned }: Props) {
  const titleId = `envoyee-${application.id}`;
  const title = sentTitle(application);
  const { target, answer } = application;
  return (
    <li className="app-bordered" aria-labelledby={titleId}>
      <div className="app-card-head">
        <h2 id={titleId} className={fr.cx("fr-h5", "fr-mb-1w")}>
          {target.kind === "offer" && target.offerId && target.offerOpen ? (
            <Link to={`/offres/${target.offerId}`}>{title}</Link>
          ) : (
            title
          )}
        </h2>
        <Badge small severity={sentStatusSeverity[application.status]}>
          {application.statusLabel}
        </Badge>
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Envoyée le {formatFrenchDate(application.createdAt)}
        {application.statusChangedAt ? ` · réponse du ${formatFrenchDate(application.statusChangedAt)}` : ""}
        {application.cvFileName ? ` · CV : ${application.cvFileName}` : ""}
        {target.kind === "offer" && !target.offerOpen ? " · offre plus en ligne" : ""}
      </p>
      {answer?.reason && <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>Motif indiqué : {answer.reason}</p>}
      {answer?.message && (
        <blockquote className="app-quote">
          <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
            <span className="fr-sr-only">Message du recruteur : </span>
            {answer.message}
          </p>
        </blockquote>
      )}
      {application.contractSignedAt && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          Vous avez signé un contrat (déclaré le {formatFrenchDate(application.contractSignedAt)}). Félicitations !
        </p>
      )}
      {(application.canWithdraw || canDeclareContract(application)) && (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline-md")}>
          {canDeclareContract(application) && (
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
                disabled={busy}
                onClick={() => onContractSigned(application)}
              >
                J'ai signé un contrat<span className="fr-sr-only"> : {title}</span>
              </button>
            </li>
          )}
          {application.canWithdraw && (
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")}
                disabled={busy}
                onClick={() => onWithdraw(application)}
              >
                Retirer ma candidature<span className="fr-sr-only"> : {title}</span>
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
