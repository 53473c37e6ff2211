import { fr } from "@codegouvfr/react-dsfr";
import { type AccountStatus, displayName, formatSiret, type Me, opcoInSentence } from "@tremplin/core";
import { Link } from "react-router";
import { AccountStatusBadge } from "./AccountStatusBadge.js";

type Organisation = Me["organisations"][number];

/** « L'OPCO EP », « Constructys », « Votre OPCO »: the OPCO as the subject of a sentence. */
function opcoSubject(o: Organisation): string {
  const name = o.opco ? opcoInSentence(o.opco.name) : "votre OPCO";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * What the status means for the person's offers, in a sentence. `hasOffers` is false when the
 * person has none yet: « Vos offres sont en ligne » would then say something untrue.
 */
const statusExplanations: Record<AccountStatus, (o: Organisation, hasOffers: boolean) => string> = {
  pending_confirmation: () =>
    "Confirmez votre adresse e-mail avec le lien que nous vous avons envoyé : vos offres seront alors publiées.",
  active: (o, hasOffers) =>
    `${hasOffers ? "Vos offres sont en ligne." : "Votre compte est actif : les offres que vous déposerez seront publiées aussitôt."} ${
      o.opco
        ? `${opcoSubject(o)} va vérifier votre compte ; une fois certifié, vos offres porteront la mention « Certifiée par l'OPCO ».`
        : "L'équipe Tremplin cherche votre OPCO, qui vérifiera ensuite votre compte."
    }`,
  certified: (o, hasOffers) =>
    `${opcoSubject(o)} a vérifié votre compte : ${hasOffers ? "vos offres portent" : "vos offres porteront"} la mention « Certifiée par l'OPCO ».`,
  rejected: (o) =>
    `${opcoSubject(o)} n'a pas validé ce compte : vos offres ne sont plus visibles. Le motif vous a été envoyé par e-mail ; en cas d'erreur, contactez-nous.`,
  disabled: () => "Ce compte est désactivé : vos offres ne sont plus visibles. Contactez-nous pour en savoir plus.",
};

function OrganisationItem({ organisation, hasOffers }: { organisation: Organisation; hasOffers: boolean }) {
  return (
    <li className="app-organisation">
      <div className="app-section-head fr-mb-1w">
        <h3 className={fr.cx("fr-h6", "fr-mb-0")}>{displayName(organisation.name)}</h3>
        <AccountStatusBadge status={organisation.status} label={organisation.statusLabel} />
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {organisation.type === "cfa" ? "Centre de formation" : "Entreprise"} · SIRET {formatSiret(organisation.siret)}
        {organisation.opco && ` · OPCO : ${organisation.opco.name}`}
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
        {statusExplanations[organisation.status](organisation, hasOffers)}
      </p>
      {organisation.status === "rejected" && (
        <p className={fr.cx("fr-text--sm", "fr-mt-1w", "fr-mb-0")}>
          <Link to="/contact" className={fr.cx("fr-link", "fr-link--sm")}>
            Contacter l'équipe Tremplin
          </Link>
        </p>
      )}
    </li>
  );
}

/** The establishments the person manages, each with where its account stands. */
export function OrganisationsSection({
  organisations,
  hasOffers,
}: {
  organisations: Me["organisations"];
  /** Whether the person has at least one offer (false while unknown: nothing is claimed). */
  hasOffers: boolean;
}) {
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="titre-organisations">
      <h2 id="titre-organisations">{organisations.length > 1 ? "Mes établissements" : "Mon établissement"}</h2>
      <ul className="app-organisations">
        {organisations.map((organisation) => (
          <OrganisationItem key={organisation.accountId} organisation={organisation} hasOffers={hasOffers} />
        ))}
      </ul>
    </section>
  );
}
