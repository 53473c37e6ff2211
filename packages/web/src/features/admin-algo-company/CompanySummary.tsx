import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatFrenchDate, formatSiret } from "@tremplin/core";
import { Link } from "react-router";
import type { AdminCompany } from "./company-edit.js";

const delistingOrigins: Record<string, string> = {
  company: "à la demande de l'entreprise",
  admin: "par l'administration",
};

/** Who the company is, and whether candidates see it (and why not). */
export function CompanySummary({ company }: { company: AdminCompany }) {
  return (
    <>
      <div className="app-card-head">
        <h1 className={fr.cx("fr-mb-1w")}>{company.name}</h1>
        {company.delisting ? (
          <Badge severity="warning">Retirée de la liste</Badge>
        ) : company.exposed ? (
          <Badge severity="success">Exposée aux candidats</Badge>
        ) : (
          <Badge noIcon>Non exposée</Badge>
        )}
      </div>
      {company.delisting && (
        <Alert
          severity="warning"
          small
          className={fr.cx("fr-mb-3w")}
          description={`Retirée le ${formatFrenchDate(company.delisting.at)} ${delistingOrigins[company.delisting.origin] ?? `(${company.delisting.origin})`} : « ${company.delisting.reason} ». Les candidats ne la voient plus, quels que soient ses métiers.`}
        />
      )}
      {/* dt/dd pairs straight in the list: the global .app-facts grid sets them side by side. */}
      <dl className="app-facts">
        <dt>SIRET</dt>
        <dd>{formatSiret(company.siret)}</dd>
        <dt>Commune</dt>
        <dd>{company.city ?? "Non renseignée"}</dd>
        <dt>Activité</dt>
        <dd>{company.nafLabel ?? "Non renseignée"}</dd>
        <dt>Score au calcul publié</dt>
        <dd>
          {company.score === null ? "Pas de score (absente du calcul publié)" : `${Math.round(company.score)} sur 100`}
        </dd>
        <dt>Mise en avant</dt>
        <dd>{company.boost > 0 ? `+ ${company.boost} points au classement` : "Aucune"}</dd>
        <dt>Référencée à sa demande</dt>
        <dd>{company.listed ? "Oui" : "Non"}</dd>
      </dl>
      {company.exposed && (
        <p className={fr.cx("fr-mt-2w")}>
          <Link
            className={fr.cx("fr-link", "fr-icon-arrow-right-line", "fr-link--icon-right")}
            to={`/entreprises/${company.siret}`}
          >
            Voir la page que voient les candidats
          </Link>
        </p>
      )}
    </>
  );
}
