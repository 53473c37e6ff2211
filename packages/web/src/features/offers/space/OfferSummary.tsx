import { fr } from "@codegouvfr/react-dsfr";
import type { AlertProps } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatFrenchDate, type OfferStatus, type OwnerOffer } from "@tremplin/core";
import { Link } from "react-router";
import { actionLabels, availableActions, canEdit, duplicatePath } from "./offer-actions.js";
import type { OfferAction } from "./use-my-offers.js";

const statusSeverity: Record<OfferStatus, AlertProps.Severity | undefined> = {
  active: "success",
  pending: "warning",
  expired: "error",
  filled: "info",
  cancelled: undefined,
};

interface OfferSummaryProps {
  offer: OwnerOffer;
  onAction: (action: OfferAction, offer: OwnerOffer) => void;
  busy: boolean;
  /** Intermediaries post for several companies: the company is named on each offer. */
  showCompany: boolean;
}

function count(n: number, one: string, many: string) {
  return `${n} ${n > 1 ? many : one}`;
}

/** One offer of the space: what it is, where it stands, its counters, and what can be done. */
export function OfferSummary({ offer, onAction, busy, showCompany }: OfferSummaryProps) {
  const titleId = `offre-${offer.id}-titre`;
  return (
    <li className="app-offer-summary" aria-labelledby={titleId}>
      <div className="app-offer-summary__head">
        <h3 id={titleId} className={fr.cx("fr-h5", "fr-mb-1w")}>
          {offer.status === "active" ? <Link to={`/offres/${offer.id}`}>{offer.title}</Link> : offer.title}
        </h3>
        <Badge severity={statusSeverity[offer.status]} small>
          {offer.statusLabel}
        </Badge>
      </div>
      {showCompany && <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{offer.company.name}</p>}
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>
        {offer.publishedAt
          ? `Publiée le ${formatFrenchDate(offer.publishedAt)}`
          : `Créée le ${formatFrenchDate(offer.createdAt)}`}
        {offer.expiresAt &&
          (offer.status === "active"
            ? ` · En ligne jusqu'au ${formatFrenchDate(offer.expiresAt)}`
            : offer.status === "expired"
              ? ` · Expirée le ${formatFrenchDate(offer.expiresAt)}`
              : "")}
        {` · ${count(offer.views, "consultation", "consultations")} · ${count(offer.applications, "candidature", "candidatures")}`}
        {/* Shared with the organisation's verified members: say whose it is when it is not mine. */}
        {offer.postedBy && !offer.postedBy.isMe && ` · Publiée par ${offer.postedBy.name}`}
      </p>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")}>
        {canEdit(offer.status) && (
          <li>
            <Link
              className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
              to={`/espace/offres/${offer.id}/modifier`}
            >
              Modifier<span className="fr-sr-only"> l'offre {offer.title}</span>
            </Link>
          </li>
        )}
        <li>
          <Link
            className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
            to={`/espace/offres/${offer.id}/candidatures`}
          >
            Candidatures ({offer.applications})<span className="fr-sr-only"> : {offer.title}</span>
          </Link>
        </li>
        <li>
          <Link
            className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")}
            to={`/espace/offres/${offer.id}/statistiques`}
          >
            Statistiques<span className="fr-sr-only"> : {offer.title}</span>
          </Link>
        </li>
        {(offer.status === "active" || offer.status === "pending") && (
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} to={`/espace/offres/${offer.id}/cfa`}>
              CFA<span className="fr-sr-only"> proches pour l'offre {offer.title}</span>
            </Link>
          </li>
        )}
        {availableActions(offer).map((action) => (
          <li key={action}>
            <button
              type="button"
              className={fr.cx("fr-btn", "fr-btn--sm", action === "extend" ? "fr-btn--secondary" : "fr-btn--tertiary")}
              disabled={busy}
              onClick={() => onAction(action, offer)}
            >
              {actionLabels[action]}
              <span className="fr-sr-only"> : {offer.title}</span>
            </button>
          </li>
        ))}
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} to={duplicatePath(offer.id)}>
            Dupliquer<span className="fr-sr-only"> : {offer.title}</span>
          </Link>
        </li>
      </ul>
    </li>
  );
}
