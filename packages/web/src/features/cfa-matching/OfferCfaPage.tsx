import { fr } from "@codegouvfr/react-dsfr";
import { Link, useParams } from "react-router";
import { RequireRole } from "../../auth/RequireRole.js";
import { posterRoles } from "../../auth/roles.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CfaStep } from "./CfaStep.js";

/** /espace/offres/:id/cfa: the CFA step on its own (linked from the space and from the emails). */
export function OfferCfaPage() {
  usePageTitle("Faire connaître mon besoin aux CFA");
  const { id = "" } = useParams();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer narrow>
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/espace">
            Mon espace
          </Link>
        </nav>
        <CfaStep offerId={id} headingLevel={1} />
      </PageContainer>
    </RequireRole>
  );
}
