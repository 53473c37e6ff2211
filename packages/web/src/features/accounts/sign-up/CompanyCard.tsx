import { fr } from "@codegouvfr/react-dsfr";
import { type Company, formatSiret } from "@tremplin/core";
import { companyDisplayName } from "./sign-up-flow.js";

/** What the directory says of an establishment, for the person to recognise it. */
export function CompanyCard({ company }: { company: Company }) {
  const { street, postalCode, city } = company.address;
  const name = companyDisplayName(company);
  return (
    <div className={fr.cx("fr-card", "fr-card--no-arrow", "fr-mb-4w")}>
      <div className={fr.cx("fr-card__body")}>
        <div className={fr.cx("fr-card__content")}>
          <h3 className={fr.cx("fr-card__title")}>{name}</h3>
          <dl className="app-facts fr-mt-2w">
            {name !== company.name && (
              <>
                <dt>Raison sociale</dt>
                <dd>{company.name}</dd>
              </>
            )}
            <dt>SIRET</dt>
            <dd>{formatSiret(company.siret)}</dd>
            <dt>Adresse</dt>
            <dd>
              {[street, [postalCode, city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "Non renseignée"}
            </dd>
            <dt>Activité (code NAF)</dt>
            <dd>{company.nafCode ? `${company.nafLabel ?? "Activité"} (${company.nafCode})` : "Non renseignée"}</dd>
            {company.opco && (
              <>
                <dt>OPCO</dt>
                <dd>{company.opco}, d'après votre convention collective</dd>
              </>
            )}
          </dl>
        </div>
      </div>
    </div>
  );
}
