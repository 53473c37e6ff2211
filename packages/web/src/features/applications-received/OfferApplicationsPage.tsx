import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { Link, useParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { posterRoles } from "../../auth/roles.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { ApplicationCard } from "./ApplicationCard.js";
import { countsSummary } from "./application-view.js";
import "../cfa-matching/cards.css";

function Applications({ offerId }: { offerId: string }) {
  const queryKey = ["offer-applications", offerId];
  const list = useQuery({
    queryKey,
    queryFn: ({ signal }) => callApi(contracts.applications.listOfferApplications, { params: { id: offerId }, signal }),
  });
  if (list.isPending) return <Loading text="Chargement des candidatures…" />;
  if (list.isError)
    return (
      <>
        <h1>Candidatures reçues</h1>
        <ApiErrorAlert error={list.error} title="Les candidatures n'ont pas pu être chargées" />
      </>
    );
  const { offer, counts, items } = list.data;
  return (
    <>
      <h1>Candidatures reçues</h1>
      <p className={fr.cx("fr-text--lead", "fr-mb-1w")}>
        « {offer.title} » · {offer.companyName}
      </p>
      <p role="status">{countsSummary(counts)}</p>
      {items.length > 0 && (
        <p>
          {/* A file the server builds: a real download, not a page of the app. */}
          <a
            className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}
            href={`/api/v1/me/offers/${offer.id}/applications.csv`}
            download
          >
            Exporter les candidatures (CSV)
          </a>
        </p>
      )}
      <ul className="app-plain-list">
        {items.map((application) => (
          <ApplicationCard key={application.id} application={application} queryKey={queryKey} />
        ))}
      </ul>
    </>
  );
}

/**
 * /espace/offres/:id/candidatures: the applications one offer received, for whoever manages it (the
 * API answers 404 to anyone else, so candidates' details never reach another account).
 */
export function OfferApplicationsPage() {
  usePageTitle("Candidatures reçues");
  const { id = "" } = useParams();
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer narrow>
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/espace">
            Mon espace
          </Link>
        </nav>
        <Applications offerId={id} />
      </PageContainer>
    </RequireRole>
  );
}
