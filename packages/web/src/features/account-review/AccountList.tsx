import { fr } from "@codegouvfr/react-dsfr";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { ACCOUNT_SEARCH_MAX_LENGTH, type AccountSummary } from "@tremplin/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { AccountsTable } from "./AccountsTable.js";
import {
  type AccountListParams,
  type AccountListStatus,
  pageCount,
  readListParams,
  writeListParams,
} from "./list-params.js";

export interface AccountListPage {
  items: AccountSummary[];
  total: number;
  pageSize: number;
}

interface AccountListProps {
  /** The tabs, in order: a status filter each. */
  tabs: { status: AccountListStatus; label: string }[];
  defaultStatus: AccountListStatus;
  /** The list for the current filters (a TanStack query's state). */
  useAccounts: (params: AccountListParams) => {
    data?: AccountListPage;
    error: unknown;
    isPending: boolean;
    isError: boolean;
  };
  cardPath: (id: string) => string;
  emptyText: (params: AccountListParams) => string;
  extraColumn?: { title: string; render: (account: AccountSummary) => ReactNode };
  searchId: string;
}

/**
 * Status tabs, a search by name or SIRET, a table and its pages. Filters live in the address: the
 * back button, a reload or a shared link show the same list.
 */
export function AccountList({
  tabs,
  defaultStatus,
  useAccounts,
  cardPath,
  emptyText,
  extraColumn,
  searchId,
}: AccountListProps) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const params = readListParams(search, defaultStatus);
  const [text, setText] = useState(params.q);
  const list = useAccounts(params);
  const go = (next: AccountListParams) => navigate({ search: writeListParams(next, defaultStatus) });

  // A name or a SIRET is looked for in every status (« Tous »): a company is not always in the tab
  // someone happens to be on. Clearing the search keeps the tab.
  function submitSearch(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    go({ status: q && tabs.some((tab) => tab.status === "all") ? "all" : params.status, q, page: 1 });
  }

  const current = tabs.find((tab) => tab.status === params.status) ?? tabs[0];
  const pages = list.data ? pageCount(list.data.total, list.data.pageSize) : 1;

  return (
    <>
      <search className={fr.cx("fr-mb-3w")} aria-label="Rechercher une entreprise">
        <form onSubmit={submitSearch} className={fr.cx("fr-search-bar")}>
          <label className={fr.cx("fr-label")} htmlFor={searchId}>
            Rechercher par nom ou SIRET
          </label>
          <input
            id={searchId}
            className={fr.cx("fr-input")}
            type="search"
            placeholder="Nom de l'entreprise ou SIRET"
            value={text}
            maxLength={ACCOUNT_SEARCH_MAX_LENGTH}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className={fr.cx("fr-btn")} title="Rechercher">
            Rechercher
          </button>
        </form>
      </search>
      <Tabs
        label="Filtrer par statut"
        selectedTabId={params.status}
        onTabChange={(status) => go({ status: status as AccountListStatus, q: params.q, page: 1 })}
        tabs={tabs.map((tab) => ({ tabId: tab.status, label: tab.label }))}
      >
        {list.isPending && <Loading text="Chargement des comptes…" />}
        {list.isError && <ApiErrorAlert error={list.error} title="La liste n'a pas pu être chargée" />}
        {list.data && (
          <>
            <p className={fr.cx("fr-text--sm")} role="status">
              {list.data.total === 0
                ? emptyText(params)
                : `${list.data.total} compte${list.data.total > 1 ? "s" : ""}${params.q ? ` pour « ${params.q} »` : ""}${pages > 1 ? `, page ${params.page} sur ${pages}` : ""}.`}
            </p>
            {list.data.items.length > 0 && (
              <AccountsTable
                caption={`${current?.label ?? "Comptes"}${params.q ? ` : recherche « ${params.q} »` : ""}`}
                items={list.data.items}
                cardPath={cardPath}
                extraColumn={extraColumn}
              />
            )}
            {pages > 1 && (
              <Pagination
                count={pages}
                defaultPage={params.page}
                showFirstLast
                getPageLinkProps={(page) => ({ to: { search: writeListParams({ ...params, page }, defaultStatus) } })}
              />
            )}
          </>
        )}
      </Tabs>
    </>
  );
}
