import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { contracts, formatFrenchDate } from "@tremplin/core";
import { Link, useParams } from "react-router";
import { callApi } from "../../../api/client.js";
import { RequireRole } from "../../../auth/RequireRole.js";
import { posterRoles } from "../../../auth/roles.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { CfaStep } from "../../cfa-matching/CfaStep.js";

function Published({ id }: { id: string }) {
  const offer = useQuery({
    queryKey: ["my-offer", id],
    queryFn: ({ signal }) => callApi(contracts.offers.getMyOffer, { params: { id }, signal }),
  });
  if (offer.isPending) return <Loading />;
  if (offer.isError) return <ApiErrorAlert error={offer.error} title="L'offre n'a pas pu être chargée" />;
  const { data } = offer;
  const online = data.status === "active";
  const publicPath = `/offres/${data.id}`;

  return (
    <>
      <h1>{online ? "Votre offre est en ligne" : "Votre offre est enregistrée"}</h1>
      <Alert
        severity={online ? "success" : "info"}
        title={data.title}
        description={
          online
            ? `Les candidats la voient dès maintenant${data.expiresAt ? `, jusqu'au ${formatFrenchDate(data.expiresAt)}` : ""}. Nous vous préviendrons avant la fin pour la prolonger en un clic.`
            : "Elle sera publiée dès que votre compte sera actif : confirmez votre adresse e-mail avec le lien reçu."
        }
        className={fr.cx("fr-mb-4w")}
      />
      {online && (
        <>
          <p className={fr.cx("fr-mb-1w")}>Adresse de l'offre, à partager :</p>
          <p>
            <Link to={publicPath} className={fr.cx("fr-link")}>
              {data.url}
            </Link>
          </p>
        </>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-4w")}>
        {online && (
          <li>
            <Link className={fr.cx("fr-btn")} to={publicPath}>
              Voir l'offre comme un candidat
            </Link>
          </li>
        )}
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/espace/offres/nouvelle">
            Déposer une autre offre
          </Link>
        </li>
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--tertiary")} to="/espace">
            Retour à mon espace
          </Link>
        </li>
      </ul>
      {/* The optional next step: CFAs nearby that train for the job (also at /espace/offres/:id/cfa). */}
      <CfaStep offerId={data.id} />
    </>
  );
}

/** /espace/offres/:id/publiee: the confirmation after publishing, with the public link. */
export function OfferPublishedPage() {
  usePageTitle("Offre publiée");
  const { id = "" } = useParams();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer narrow>
        <Published id={id} />
      </PageContainer>
    </RequireRole>
  );
}
