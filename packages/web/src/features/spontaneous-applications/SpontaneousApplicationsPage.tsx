import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { ApplicationCard } from "../applications-received/ApplicationCard.js";
import { countsSummary } from "../applications-received/application-view.js";
import { groupByEstablishment, spontaneousCounts } from "./spontaneous-view.js";
import { spontaneousKey, useSpontaneousApplications } from "./use-spontaneous-applications.js";
import "../cfa-matching/cards.css";

function Applications() {
  const list = useSpontaneousApplications();
  if (list.isPending) return <Loading text="Chargement des candidatures…" />;
  if (list.isError) return <ApiErrorAlert error={list.error} title="Les candidatures n'ont pas pu être chargées" />;
  const { items } = list.data;
  return (
    <>
      <p role="status">{countsSummary(spontaneousCounts(items))}</p>
      {groupByEstablishment(items).map((group) => (
        <section key={group.siret} aria-labelledby={`etablissement-${group.siret}`}>
          <h2 id={`etablissement-${group.siret}`} className={fr.cx("fr-h4")}>
            {group.heading}
          </h2>
          <ul className="app-plain-list">
            {group.items.map((application) => (
              <ApplicationCard key={application.id} application={application} queryKey={spontaneousKey} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * /espace/candidatures-spontanees: applications sent to the recruiter's establishments without an
 * offer (candidates find them among the companies likely to hire), answered as offer applications are.
 */
export function SpontaneousApplicationsPage() {
  usePageTitle("Candidatures spontanées");
  return (
    <RequireRole roles={["recruiter"]}>
      <PageContainer narrow>
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/espace">
            Mon espace
          </Link>
        </nav>
        <h1>Candidatures spontanées</h1>
        <p className={fr.cx("fr-text--lead")}>
          Des candidats ont écrit à votre établissement sans répondre à une offre précise. Chaque candidature vous a été
          envoyée par e-mail, CV joint ; répondez-leur ici.
        </p>
        <Applications />
      </PageContainer>
    </RequireRole>
  );
}
