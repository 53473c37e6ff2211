import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts, type PublicOffer } from "@tremplin/core";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { ApiError, callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { OfferApplication } from "../applications/OfferApplication.js";
import { ReportForm } from "../reports/ReportForm.js";
import { OfferDetails } from "./OfferDetails.js";
import { offerViewFromApi } from "./offer-view.js";

// Offers counted during this page load: coming back to an offer in the app does not count again.
const viewedDuringThisLoad = new Set<string>();

/** Counts one view per page load; a failed count is nobody's concern (the page works without it). */
function useRecordView(offer: PublicOffer | undefined) {
  useEffect(() => {
    if (offer?.status !== "active" || viewedDuringThisLoad.has(offer.id)) return;
    viewedDuringThisLoad.add(offer.id);
    callApi(contracts.offers.recordOfferView, { params: { id: offer.id } }).catch(() => undefined);
  }, [offer]);
}

function Unavailable({ title, text }: { title: string; text: string }) {
  return (
    <PageContainer narrow>
      <h1>{title}</h1>
      <p className={fr.cx("fr-text--lead")}>{text}</p>
      <Link className={fr.cx("fr-btn")} to="/">
        Aller à la page d'accueil
      </Link>
    </PageContainer>
  );
}

const gone = {
  title: "Cette offre n'est plus disponible",
  text: "Elle a été pourvue, annulée ou a expiré. D'autres entreprises recrutent peut-être pour le même métier près de chez vous.",
};
const notFound = {
  title: "Offre introuvable",
  text: "Cette offre n'existe pas ou n'est pas publiée. Vérifiez l'adresse, ou cherchez parmi les autres offres.",
};

/** /offres/:id: an offer as candidates see it; said plainly when it does not exist or is over. */
export function PublicOfferPage() {
  const { id = "" } = useParams();
  const offer = useQuery({
    queryKey: ["offer", id],
    queryFn: ({ signal }) => callApi(contracts.offers.getOffer, { params: { id }, signal }),
  });
  useRecordView(offer.data);
  const status = offer.error instanceof ApiError ? offer.error.status : 0;
  const unavailable = status === 410 ? gone : status === 404 || status === 400 ? notFound : undefined;
  usePageTitle(offer.data?.title ?? unavailable?.title ?? "Offre d'alternance");

  if (offer.isPending) return <Loading text="Chargement de l'offre…" />;
  if (offer.isError) {
    if (unavailable) return <Unavailable {...unavailable} />;
    return (
      <PageContainer narrow>
        <ApiErrorAlert error={offer.error} title="L'offre n'a pas pu être chargée" />
      </PageContainer>
    );
  }

  return (
    <PageContainer>
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-lg-9")}>
          <OfferDetails offer={offerViewFromApi(offer.data)} />
          <OfferApplication offer={offer.data} />
          <ReportForm target={{ kind: "offer", offerId: offer.data.id }} />
        </div>
      </div>
    </PageContainer>
  );
}
