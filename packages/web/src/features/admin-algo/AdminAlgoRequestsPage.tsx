import { fr } from "@codegouvfr/react-dsfr";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { companyPath } from "../admin-algo-company/company-path.js";
import { AdminSectionsNav } from "./AdminSectionsNav.js";
import { ListingRequestList, type RequestQueue, requestTitle } from "./ListingRequestList.js";
import { RequestCard } from "./RequestCard.js";
import "../cfa-matching/cards.css";

const api = contracts.algoCompanies;

function DelistingRequests({ status }: { status: RequestQueue }) {
  const list = useQuery({
    queryKey: ["admin-algo-requests", "delisting", status],
    queryFn: ({ signal }) => callApi(api.listDelistingRequests, { query: { status }, signal }),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ApiErrorAlert error={list.error} title="Les demandes n'ont pas pu être chargées" />;
  if (list.data.items.length === 0) return <p>Aucune demande de retrait {status === "open" ? "à examiner" : ""}.</p>;
  return (
    <ul className="app-plain-list">
      {list.data.items.map((r) => (
        <RequestCard
          key={r.id}
          id={r.id}
          title={requestTitle(r)}
          statusLabel={r.statusLabel}
          open={r.status === "pending_review"}
          createdAt={r.createdAt}
          decidedAt={r.decidedAt}
          decisionReason={r.decisionReason}
          acceptLabel="Retirer l'entreprise"
          companyHref={companyPath(r.siret)}
          accept={() => callApi(api.acceptDelistingRequest, { params: { id: r.id } })}
          refuse={(reason) => callApi(api.refuseDelistingRequest, { params: { id: r.id }, body: { reason } })}
        >
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            Demandé par <a href={`mailto:${r.email}`}>{r.email}</a> (adresse différente du contact connu : à vérifier)
          </p>
          <blockquote className="app-quote">
            <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{r.reason}</p>
          </blockquote>
        </RequestCard>
      ))}
    </ul>
  );
}

/**
 * /admin/algorithme/demandes: companies asking to leave the algorithm's list (when the address is
 * not the contact we know) or to join it. Each decision is emailed to whoever asked.
 */
export function AdminAlgoRequestsPage() {
  usePageTitle("Retraits et référencements");
  const [search, setSearch] = useSearchParams();
  const status: RequestQueue = search.get("toutes") === "1" ? "all" : "open";
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin/algorithme/demandes" />
        <h1>Retraits et référencements</h1>
        <ToggleSwitch
          label="Afficher aussi les demandes déjà traitées"
          checked={status === "all"}
          onChange={(all) => setSearch(all ? { toutes: "1" } : {}, { replace: true })}
          className={fr.cx("fr-mb-3w")}
        />
        <section aria-labelledby="titre-retraits" className={fr.cx("fr-mb-6w")}>
          <h2 id="titre-retraits">Demandes de retrait</h2>
          <p className={fr.cx("fr-text--sm")}>
            Une demande venue de l'adresse du contact connu est confirmée par e-mail sans passer par ici.
          </p>
          <DelistingRequests status={status} />
        </section>
        <section aria-labelledby="titre-referencements">
          <h2 id="titre-referencements">Demandes de référencement</h2>
          <p className={fr.cx("fr-text--sm")}>
            Acceptée, l'entreprise est exposée pour les métiers demandés, dès maintenant et aux calculs suivants. Les
            conseillers OPCO traitent aussi celles de leurs entreprises.
          </p>
          <ListingRequestList status={status} companyLinks />
        </section>
      </PageContainer>
    </RequireRole>
  );
}
