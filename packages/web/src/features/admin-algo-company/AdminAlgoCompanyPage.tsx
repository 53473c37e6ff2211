import { fr } from "@codegouvfr/react-dsfr";
import { Link, useParams } from "react-router";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AdminSectionsNav } from "../admin-algo/AdminSectionsNav.js";
import { CompanyBoostForm } from "./CompanyBoostForm.js";
import { CompanyContactForm } from "./CompanyContactForm.js";
import { CompanyHistory } from "./CompanyHistory.js";
import { CompanyJobsForm } from "./CompanyJobsForm.js";
import { CompanySiretSearch } from "./CompanySiretSearch.js";
import { CompanySummary } from "./CompanySummary.js";
import { useAdminCompany } from "./use-company.js";
import "../cfa-matching/cards.css";

function Company({ siret }: { siret: string }) {
  const company = useAdminCompany(siret);
  usePageTitle(company.data ? `${company.data.name} : exposition` : "Entreprise exposée");
  if (company.isPending) return <Loading text="Chargement de l'entreprise…" />;
  if (company.isError)
    return (
      <>
        <h1>Entreprise exposée</h1>
        <ApiErrorAlert
          error={company.error}
          title="L'entreprise n'a pas pu être chargée"
          className={fr.cx("fr-mb-4w")}
        />
        <CompanySiretSearch />
      </>
    );
  const data = company.data;
  // Keyed by SIRET: opening another company starts its forms afresh.
  return (
    <div key={data.siret}>
      <CompanySummary company={data} />
      <CompanyJobsForm company={data} />
      <CompanyContactForm company={data} />
      <CompanyBoostForm company={data} />
      <CompanyHistory history={data.history} />
    </div>
  );
}

/**
 * /admin/algorithme/entreprises/:siret: one company as the algorithm exposes it, and what the admin
 * may change (jobs, contact, boost), each change applied at once and kept for later runs.
 */
export function AdminAlgoCompanyPage() {
  const { siret = "" } = useParams();
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer narrow>
        <AdminSectionsNav />
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/admin/algorithme">
            Algorithme : calculs
          </Link>
        </nav>
        <Company siret={siret} />
      </PageContainer>
    </RequireRole>
  );
}
