import { fr } from "@codegouvfr/react-dsfr";
import { useQueryClient } from "@tanstack/react-query";
import { contracts, type Me } from "@tremplin/core";
import { Link, useNavigate } from "react-router";
import { callApi } from "../../../api/client.js";
import { RequireRole } from "../../../auth/RequireRole.js";
import { posterRoles } from "../../../auth/roles.js";
import { useMe } from "../../../auth/use-me.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { myOffersQueryKey } from "../space/use-my-offers.js";
import { OfferForm } from "./OfferForm.js";
import { validateNewOffer } from "./offer-form-validation.js";
import { initialOfferValues } from "./offer-form-values.js";
import { companyOrganisations } from "./use-preview-company.js";

function NewOfferForm({ me }: { me: Me }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = companyOrganisations(me);
  const initialValues = {
    ...initialOfferValues,
    siret: organisations.length === 1 ? (organisations[0]?.siret ?? "") : "",
  };
  return (
    <OfferForm
      me={me}
      initialValues={initialValues}
      prepare={(values, _fiche, needs) => validateNewOffer(values, needs)}
      send={async (body) => {
        const offer = await callApi(contracts.offers.createOffer, { body });
        await queryClient.invalidateQueries({ queryKey: myOffersQueryKey });
        navigate(`/espace/offres/${offer.id}/publiee`);
      }}
      submitLabel="Publier l'offre"
    />
  );
}

/** /espace/offres/nouvelle: « Déposer une offre en une minute ». */
export function NewOfferPage() {
  usePageTitle("Déposer une offre");
  const me = useMe();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer>
        <nav className={fr.cx("fr-mb-2w")} aria-label="Retour">
          <Link to="/espace" className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")}>
            Mon espace
          </Link>
        </nav>
        <h1>Déposer une offre d'alternance</h1>
        <p className={fr.cx("fr-text--lead")}>
          Le métier et la date de début suffisent : le texte de l'offre est rédigé pour vous à partir de la fiche
          métier. Vous pouvez tout préciser dans « Plus d'options ».
        </p>
        {me.data && <NewOfferForm me={me.data} />}
      </PageContainer>
    </RequireRole>
  );
}
