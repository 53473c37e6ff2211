import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { contracts, displayName, opcoInSentence, withPreposition } from "@tremplin/core";
import { useState } from "react";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AccountList } from "../account-review/AccountList.js";
import { AccountsTable } from "../account-review/AccountsTable.js";
import type { AccountListParams } from "../account-review/list-params.js";
import { AdminSectionsNav } from "../admin-algo/AdminSectionsNav.js";
import { AssignOpco } from "./AssignOpco.js";

const tabs = [
  { status: "all" as const, label: "Tous" },
  { status: "waiting" as const, label: "À certifier" },
  { status: "certified" as const, label: "Certifiés" },
  { status: "rejected" as const, label: "Refusés" },
  { status: "unconfirmed" as const, label: "Non confirmés" },
  { status: "disabled" as const, label: "Désactivés" },
];

const cardPath = (id: string) => `/admin/comptes/${id}`;

function useAdminAccounts(params: AccountListParams) {
  return useQuery({
    queryKey: ["accounts", "admin", params],
    queryFn: ({ signal }) =>
      callApi(contracts.accounts.listAdminAccounts, {
        query: { status: params.status, page: params.page, ...(params.q ? { q: params.q } : {}) },
        signal,
      }),
  });
}

/** Accounts whose OPCO nobody knows: the admin gives each one its OPCO. */
function NoOpcoQueue() {
  // The assigned account leaves the queue at the next refresh, and its row with it: the confirmation
  // is said above the table, where it stays.
  const [assigned, setAssigned] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: ["accounts", "admin", "no-opco"],
    queryFn: ({ signal }) =>
      callApi(contracts.accounts.listAdminAccounts, { query: { opco: "none", status: "all" }, signal }),
  });
  return (
    <section aria-labelledby="titre-sans-opco" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-sans-opco">Comptes sans OPCO</h2>
      <p>
        L'OPCO n'a pas pu être déduit de la convention collective, l'entreprise a répondu « Je ne sais pas », ou un OPCO
        l'a renvoyée. Attribuez-lui le sien : ses conseillers la verront dans leur espace.
      </p>
      <div role="status">
        {assigned && <Alert severity="success" small description={assigned} className={fr.cx("fr-mb-2w")} />}
      </div>
      {queue.isPending && <Loading />}
      {queue.isError && <ApiErrorAlert error={queue.error} title="La file n'a pas pu être chargée" />}
      {queue.data?.total === 0 && <p role="status">La file est vide : chaque compte a son OPCO.</p>}
      {queue.data && queue.data.items.length > 0 && (
        <>
          <p className={fr.cx("fr-text--sm")} role="status">
            {queue.data.total} compte{queue.data.total > 1 ? "s" : ""} sans OPCO
            {queue.data.total > queue.data.items.length
              ? ` (les ${queue.data.items.length} plus récents ci-dessous)`
              : ""}
            .
          </p>
          <AccountsTable
            caption="Comptes sans OPCO"
            items={queue.data.items}
            cardPath={cardPath}
            showActivity={false}
            extraColumn={{
              title: "OPCO",
              render: (account) => (
                <AssignOpco
                  accountId={account.id}
                  companyName={account.companyName}
                  onAssigned={(card) =>
                    setAssigned(
                      `${displayName(account.companyName)} est attribuée ${card.opco ? withPreposition("à", opcoInSentence(card.opco.name)) : "à son OPCO"} : ses conseillers la voient dans leur espace.`,
                    )
                  }
                />
              ),
            }}
          />
        </>
      )}
    </section>
  );
}

/** /admin: the queue without OPCO, then every account with filters. */
export function AdminSpacePage() {
  usePageTitle("Administration");
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin" />
        <h1>Administration</h1>
        <NoOpcoQueue />
        <section aria-labelledby="titre-tous-comptes">
          <h2 id="titre-tous-comptes">Tous les comptes</h2>
          <AccountList
            searchId="recherche-admin"
            tabs={tabs}
            defaultStatus="all"
            useAccounts={useAdminAccounts}
            cardPath={cardPath}
            emptyText={(params) =>
              params.q ? `Aucun compte ne correspond à « ${params.q} ».` : "Aucun compte dans cette liste."
            }
          />
        </section>
      </PageContainer>
    </RequireRole>
  );
}
