import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { Link, useLocation } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { useMe } from "../../auth/use-me.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AccountList } from "../account-review/AccountList.js";
import type { AccountListParams } from "../account-review/list-params.js";
import { OpcoListingSummary } from "../opco-listing/OpcoListingSummary.js";

const tabs = [
  { status: "waiting" as const, label: "À certifier" },
  { status: "certified" as const, label: "Certifiées" },
  { status: "rejected" as const, label: "Refusées" },
  // Where a search by name or SIRET lands: every status at once.
  { status: "all" as const, label: "Toutes" },
];

const emptyTexts: Record<string, string> = {
  waiting: "Aucune entreprise n'attend de certification. Les nouvelles inscriptions apparaîtront ici.",
  certified: "Aucune entreprise certifiée pour l'instant.",
  rejected: "Aucune entreprise refusée.",
};

function useOpcoAccounts(params: AccountListParams) {
  return useQuery({
    queryKey: ["accounts", "opco", params],
    queryFn: ({ signal }) =>
      callApi(contracts.accounts.listOpcoAccounts, {
        query: { status: params.status, page: params.page, ...(params.q ? { q: params.q } : {}) },
        signal,
      }),
  });
}

/** /opco: the OPCO adviser's companies, to certify, certified, refused; and the listing requests to decide. */
export function OpcoSpacePage() {
  usePageTitle("Espace OPCO");
  const me = useMe();
  // Set by a card that sent the company away (« Pas notre OPCO »).
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <RequireRole roles={["opco"]}>
      <PageContainer>
        <div className="app-section-head">
          <h1 className={fr.cx("fr-mb-1w")}>Espace OPCO{me.data?.opco ? ` — ${me.data.opco.name}` : ""}</h1>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/espace/offres/nouvelle">
            Déposer une offre pour une entreprise
          </Link>
        </div>
        <p className={fr.cx("fr-text--lead")}>
          Vérifiez les entreprises de votre secteur inscrites sur Tremplin : une fois certifiées, leurs offres portent
          la mention « Certifiée par l'OPCO ».
        </p>
        {notice && <Alert severity="success" small description={notice} className={fr.cx("fr-mb-3w")} />}
        <OpcoListingSummary />
        <AccountList
          searchId="recherche-opco"
          tabs={tabs}
          defaultStatus="waiting"
          useAccounts={useOpcoAccounts}
          cardPath={(id) => `/opco/comptes/${id}`}
          emptyText={(params) =>
            params.q
              ? `Aucune entreprise ne correspond à « ${params.q} ».`
              : (emptyTexts[params.status] ?? "Aucun compte.")
          }
        />
      </PageContainer>
    </RequireRole>
  );
}
