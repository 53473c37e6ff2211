import { fr } from "@codegouvfr/react-dsfr";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type Me } from "@tremplin/core";
import { Link, useNavigate, useSearchParams } from "react-router";
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
import { validateNewOffer } from "./offer-form-validation.js";
import { initialOfferValues, type OfferFormValues, valuesFromOffer } from "./offer-form-values.js";
import { companyOrganisations } from "./use-preview-company.js";

function NewOfferForm({ me, copy }: { me: Me; copy?: OfferFormValues }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = companyOrganisations(me);
  const initialValues = copy ?? {
    ...initialOfferValues,
    siret: organisations.length === 1 ? (organisations[0]?.siret ?? "") : "",
  };
  return (
    <OfferForm
      me={me}
      optionsOpen={copy !== undefined}
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

/**
 * « Dupliquer » from the space: the new-offer form filled with an earlier offer (its company, job,
 * texts, contact), to be checked and published like any new one; the start date usually changes.
 */
function CopyOfferForm({ me, id }: { me: Me; id: string }) {
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
  if (offer.isError) return <ApiErrorAlert error={offer.error} title="L'offre à dupliquer n'a pas pu être chargée" />;
  if (fiche.isError)
    return <ApiErrorAlert error={fiche.error} title="La fiche métier de l'offre n'a pas pu être chargée" />;
  if (!offer.data || !fiche.data) return <Loading text="Chargement de l'offre à dupliquer…" />;
  const contact = offer.data.companyContact;
  const copy: OfferFormValues = {
    ...valuesFromOffer(offer.data, fiche.data),
    contact: { ...contact, phone: contact.phone ?? "" },
  };
  return (
    <>
      <p>
        Copie de « {offer.data.title} » : vérifiez la date de début et ce qui a changé, puis publiez. L'offre d'origine
        n'est pas modifiée.
      </p>
      <NewOfferForm me={me} copy={copy} />
    </>
  );
}

/** /espace/offres/nouvelle: « Déposer une offre en une minute »; ?copie=<id> starts from an earlier offer. */
export function NewOfferPage() {
  const [params] = useSearchParams();
  const copyOf = params.get("copie");
  usePageTitle(copyOf ? "Dupliquer une offre" : "Déposer une offre");
  const me = useMe();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer>
        <nav className={fr.cx("fr-mb-2w")} aria-label="Retour">
          <Link to="/espace" className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")}>
            Mon espace
          </Link>
        </nav>
        <h1>{copyOf ? "Dupliquer une offre" : "Déposer une offre d'alternance"}</h1>
        {!copyOf && (
          <p className={fr.cx("fr-text--lead")}>
            Le métier et la date de début suffisent : le texte de l'offre est rédigé pour vous à partir de la fiche
            métier. Vous pouvez tout préciser dans « Plus d'options ».
          </p>
        )}
        {me.data && (copyOf ? <CopyOfferForm me={me.data} id={copyOf} /> : <NewOfferForm me={me.data} />)}
      </PageContainer>
    </RequireRole>
  );
}
