import { fr } from "@codegouvfr/react-dsfr";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type Me, type OwnerOffer, type RomeFiche } from "@tremplin/core";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../../../api/client.js";
import { RequireRole } from "../../../auth/RequireRole.js";
import { posterRoles } from "../../../auth/roles.js";
import { useMe } from "../../../auth/use-me.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { myOffersQueryKey } from "../space/use-my-offers.js";
import { OfferForm } from "./OfferForm.js";
import { validateOfferChanges } from "./offer-form-validation.js";
import { toUpdateOfferInput, valuesFromOffer } from "./offer-form-values.js";

function EditForm({ me, offer, fiche }: { me: Me; offer: OwnerOffer; fiche: RomeFiche }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <OfferForm
      me={me}
      optionsOpen
      companyLocked
      initialValues={valuesFromOffer(offer, fiche)}
      prepare={(values, currentFiche) => validateOfferChanges(toUpdateOfferInput(values, offer, currentFiche), values)}
      send={async (body) => {
        if (Object.keys(body).length > 0)
          await callApi(contracts.offers.updateOffer, { params: { id: offer.id }, body });
        await queryClient.invalidateQueries({ queryKey: myOffersQueryKey });
        queryClient.removeQueries({ queryKey: ["my-offer", offer.id] });
        navigate("/espace");
      }}
      submitLabel="Enregistrer les modifications"
    />
  );
}

function EditOffer({ id }: { id: string }) {
  const me = useMe();
  const offer = useQuery({
    queryKey: ["my-offer", id],
    queryFn: ({ signal }) => callApi(contracts.offers.getMyOffer, { params: { id }, signal }),
  });
  const romeCode = offer.data?.romeCode;
  const fiche = useQuery({
    queryKey: ["rome", romeCode],
    queryFn: ({ signal }) => callApi(contracts.referential.getRome, { params: { romeCode: romeCode ?? "" }, signal }),
    enabled: romeCode !== undefined,
  });
  if (offer.isError) return <ApiErrorAlert error={offer.error} title="L'offre n'a pas pu être chargée" />;
  if (fiche.isError)
    return <ApiErrorAlert error={fiche.error} title="La fiche métier de l'offre n'a pas pu être chargée" />;
  if (!me.data || !offer.data || !fiche.data) return <Loading text="Chargement de l'offre…" />;
  return (
    <>
      <h1>Modifier l'offre</h1>
      <p className={fr.cx("fr-text--lead")}>
        « {offer.data.title} » — les modifications sont visibles des candidats dès l'enregistrement.
      </p>
      <EditForm me={me.data} offer={offer.data} fiche={fiche.data} />
    </>
  );
}

/** /espace/offres/:id/modifier: the same form as for posting, filled with the offer. */
export function EditOfferPage() {
  usePageTitle("Modifier l'offre");
  const { id = "" } = useParams();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer>
        <nav className={fr.cx("fr-mb-2w")} aria-label="Retour">
          <Link to="/espace" className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")}>
            Mon espace
          </Link>
        </nav>
        <EditOffer id={id} />
      </PageContainer>
    </RequireRole>
  );
}
