import { fr } from "@codegouvfr/react-dsfr";
import { displayLabel, displayName, type SearchCompany, type SearchOffer, type TrainingResult } from "@tremplin/core";
import { Link } from "react-router";
import { startLabel } from "../offers/offer-view.js";
import { contractsLabel, distanceLabel, placeLabel, startMonthsLabel } from "./result-labels.js";

/** One line of a card's facts: an icon (decorative) and a short text. */
function Fact({ icon, children }: { icon: string; children: string }) {
  return (
    <li className="app-result__fact">
      <span className={`${icon} fr-icon--sm`} aria-hidden="true" /> {children}
    </li>
  );
}

/** An offer in the results: the whole card opens it (title is the link, for screen readers). */
export function OfferCard({ offer }: { offer: SearchOffer }) {
  const place = placeLabel(offer.company.city, offer.company.postalCode);
  const contracts = contractsLabel(offer.contractTypes);
  return (
    <article className="app-result app-result--link">
      <p className={fr.cx("fr-badge", "fr-badge--sm", "fr-badge--blue-ecume", "fr-mb-1w")}>Offre d'emploi</p>
      <h4 className={fr.cx("fr-h6", "fr-mb-1v")}>
        <Link to={`/offres/${offer.id}`} className="app-result__link">
          {offer.title}
        </Link>
      </h4>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{displayName(offer.company.name)}</p>
      <ul className="app-result__facts">
        <Fact icon="fr-icon-map-pin-2-line">{[place, distanceLabel(offer.distanceKm)].filter(Boolean).join(", ")}</Fact>
        <Fact icon="fr-icon-calendar-line">{startLabel(offer.startDate, offer.startAsap)}</Fact>
        {contracts && <Fact icon="fr-icon-file-text-line">{contracts}</Fact>}
      </ul>
      {offer.company.opcoCertified && (
        <p className={fr.cx("fr-badge", "fr-badge--sm", "fr-badge--success", "fr-mt-1w", "fr-mb-0")}>
          Entreprise certifiée par son OPCO
        </p>
      )}
    </article>
  );
}

/** A company likely to hire: no offer to open, a spontaneous application to send. */
export function CompanyCard({ company }: { company: SearchCompany }) {
  const place = placeLabel(company.city, company.postalCode);
  const job = company.jobs[0];
  return (
    <article className="app-result">
      <p className={fr.cx("fr-badge", "fr-badge--sm", "fr-badge--purple-glycine", "fr-mb-1w")}>
        Entreprise susceptible de recruter
      </p>
      <h4 className={fr.cx("fr-h6", "fr-mb-1v")}>{displayName(company.name)}</h4>
      {company.nafLabel && <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{company.nafLabel}</p>}
      <ul className="app-result__facts">
        <Fact icon="fr-icon-map-pin-2-line">
          {[place, distanceLabel(company.distanceKm)].filter(Boolean).join(", ")}
        </Fact>
        {job && <Fact icon="fr-icon-information-line">{job.explanation}</Fact>}
      </ul>
      <Link
        to={`/entreprises/${company.siret}`}
        className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--sm", "fr-mt-2w")}
        aria-label={`Candidature spontanée : ${displayName(company.name)}`}
      >
        Candidature spontanée
      </Link>
    </article>
  );
}

/** A training course leading to the job, with its school and where it is. */
export function TrainingCard({ training }: { training: TrainingResult }) {
  const place = placeLabel(training.place.city, training.place.postalCode);
  const months = startMonthsLabel(training.startMonths);
  return (
    <article className="app-result">
      {training.diplomaLevelLabel && (
        <p className={fr.cx("fr-badge", "fr-badge--sm", "fr-badge--green-emeraude", "fr-mb-1w")}>
          {training.diplomaLevelLabel}
        </p>
      )}
      <h4 className={fr.cx("fr-h6", "fr-mb-1v")}>{displayLabel(training.title)}</h4>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{training.organisation.name}</p>
      <ul className="app-result__facts">
        <Fact icon="fr-icon-map-pin-2-line">
          {[training.place.address, place, distanceLabel(training.distanceKm)].filter(Boolean).join(", ")}
        </Fact>
        {months && <Fact icon="fr-icon-calendar-line">{`Rentrées : ${months}`}</Fact>}
      </ul>
    </article>
  );
}
