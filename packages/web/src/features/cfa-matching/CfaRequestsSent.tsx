import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatFrenchDate, type OwnerCfaRequest } from "@tremplin/core";
import "./cards.css";
import { answersSummary, formatDistance } from "./cfa-view.js";

function answerSeverity(request: OwnerCfaRequest) {
  if (request.answer === "candidates") return "success" as const;
  if (request.answer === "no_candidate") return "info" as const;
  return undefined;
}

/** The CFAs asked for one offer and what each answered (its address once it offers candidates). */
export function CfaRequestsSent({ items, headingLevel = 3 }: { items: OwnerCfaRequest[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Item = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="titre-demandes-cfa" className={fr.cx("fr-mt-4w")}>
      <Heading id="titre-demandes-cfa" className={fr.cx("fr-h5")}>
        Demandes envoyées
      </Heading>
      <p className={fr.cx("fr-text--sm")}>{answersSummary(items)}</p>
      <ul className="app-plain-list">
        {items.map((request) => (
          <li key={request.id} className="app-bordered">
            <Item className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-1w")}>
              {request.cfa.name}
              {request.cfa.city ? `, ${request.cfa.city}` : ""}
            </Item>
            <p className={fr.cx("fr-mb-1w")}>
              <Badge small severity={answerSeverity(request)} noIcon={request.answer === null}>
                {request.answerLabel ?? request.statusLabel}
              </Badge>
            </p>
            <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
              {formatDistance(request.distanceKm)} de votre lieu de travail
              {request.sentAt ? ` · demande envoyée le ${formatFrenchDate(request.sentAt)}` : ""}
              {request.answeredAt ? ` · réponse le ${formatFrenchDate(request.answeredAt)}` : ""}
            </p>
            {request.answerMessage && (
              <blockquote className="app-quote">
                <p className={fr.cx("fr-text--sm", "fr-mb-0")}>« {request.answerMessage} »</p>
              </blockquote>
            )}
            {request.cfaContactEmail && (
              <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
                Écrire au centre : <a href={`mailto:${request.cfaContactEmail}`}>{request.cfaContactEmail}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
