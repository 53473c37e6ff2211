import { fr } from "@codegouvfr/react-dsfr";
import { type CfaLinkRequest, contractTypeLabels, diplomaLevelLabels, formatFrenchDate } from "@tremplin/core";
import { startLabel } from "./cfa-answer.js";

type RequestOffer = CfaLinkRequest["offer"];

function facts(offer: RequestOffer): Array<[string, string]> {
  return [
    ["Entreprise", offer.companyName],
    ["Contact", offer.contactName],
    ["Lieu", [offer.postalCode, offer.city].filter(Boolean).join(" ") || "Non précisé"],
    ["Début", startLabel(offer, formatFrenchDate)],
    ["Contrat", `${offer.contractTypes.map((t) => contractTypeLabels[t]).join(" ou ")}, ${offer.durationMonths} mois`],
    [
      "Diplôme préparé",
      offer.diplomaLevel ? (diplomaLevelLabels[offer.diplomaLevel] ?? `Niveau ${offer.diplomaLevel}`) : "Indifférent",
    ],
    ["Postes", String(offer.positions)],
    ...(offer.rhythm ? ([["Rythme", offer.rhythm]] as Array<[string, string]>) : []),
  ];
}

/** What a company looks for, as a CFA reads it: never the recruiter's address or phone (ADR 006). */
export function CfaRequestFacts({ offer }: { offer: RequestOffer }) {
  return (
    <dl className="app-facts">
      {facts(offer).map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {offer.url && (
        <div>
          <dt>Offre</dt>
          <dd>
            <a className={fr.cx("fr-link")} href={offer.url}>
              Voir l'offre en ligne<span className="fr-sr-only"> : {offer.title}</span>
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}
