import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { useInfiniteQuery } from "@tanstack/react-query";
import { applicationStatuses, contracts } from "@tremplin/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { posterRoles } from "../../auth/roles.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CloseOfferDialog, closeOfferModal, type OfferToClose } from "./CloseOfferDialog.js";
import { InboxCard } from "./InboxCard.js";
import { filtersFromSearch, type InboxFilters, searchFromFilters, statusFilterLabels } from "./inbox-view.js";
import "../cfa-matching/cards.css";

function Inbox() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const setFilters = (next: InboxFilters) => setSearch(searchFromFilters(next), { replace: true });
  const [toClose, setToClose] = useState<OfferToClose>();
  const [closed, setClosed] = useState<string>();
  const inbox = useInfiniteQuery({
    queryKey: ["inbox", filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      callApi(contracts.applicationLifecycle.listReceivedApplications, {
        query: { ...filters, cursor: pageParam, limit: 20 },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  if (inbox.isPending) return <Loading text="Chargement des candidatures…" />;
  if (inbox.isError) return <ApiErrorAlert error={inbox.error} title="Les candidatures n'ont pas pu être chargées" />;
  const first = inbox.data.pages[0];
  const counts = first?.counts;
  const items = inbox.data.pages.flatMap((p) => p.items);

  return (
    <>
      {closed && <Alert severity="success" small description={closed} className={fr.cx("fr-mb-3w")} />}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Offre"
            nativeSelectProps={{
              value: filters.offerId ?? "",
              onChange: (e) => setFilters({ ...filters, offerId: e.target.value || undefined }),
            }}
          >
            <option value="">Toutes les offres</option>
            {first?.offers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
                {o.status === "active" ? "" : " (close)"}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Type de candidature"
            nativeSelectProps={{
              value: filters.kind ?? "",
              onChange: (e) => setFilters({ ...filters, kind: (e.target.value || undefined) as InboxFilters["kind"] }),
            }}
          >
            <option value="">Offres et spontanées</option>
            <option value="offer">Réponses à une offre</option>
            <option value="company">Candidatures spontanées</option>
          </Select>
        </div>
      </div>
      <ul className={fr.cx("fr-tags-group", "fr-mt-1w")} aria-label="Filtrer par état">
        <li>
          <Tag
            pressed={!filters.status}
            nativeButtonProps={{ onClick: () => setFilters({ ...filters, status: undefined }) }}
          >
            {`Toutes (${counts?.total ?? 0})`}
          </Tag>
        </li>
        {applicationStatuses.map((s) => (
          <li key={s}>
            <Tag
              pressed={filters.status === s}
              nativeButtonProps={{ onClick: () => setFilters({ ...filters, status: s }) }}
            >
              {`${statusFilterLabels[s]} (${counts?.[s] ?? 0})`}
            </Tag>
          </li>
        ))}
      </ul>
      <p role="status" className={fr.cx("fr-sr-only")}>
        {`${filters.status ? (counts?.[filters.status] ?? 0) : (counts?.total ?? 0)} candidatures`}
      </p>
      {items.length === 0 ? (
        <p>Aucune candidature ici pour le moment.</p>
      ) : (
        <ul className="app-plain-list">
          {items.map((application) => (
            <InboxCard
              key={application.id}
              application={application}
              onOfferToClose={(offer) => {
                setToClose(offer);
                closeOfferModal.open();
              }}
            />
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <Button priority="secondary" disabled={inbox.isFetchingNextPage} onClick={() => inbox.fetchNextPage()}>
          {inbox.isFetchingNextPage ? "Chargement…" : "Voir plus"}
        </Button>
      )}
      <CloseOfferDialog offer={toClose} onClosed={setClosed} />
    </>
  );
}

/**
 * /espace/candidatures: every application received, offers and spontaneous (ADR 011), filtered in the
 * address (?statut=, ?offre=, ?type=) so that the email digests and the back button keep them.
 */
export function InboxPage() {
  usePageTitle("Candidatures reçues");
  return (
    <RequireRole roles={posterRoles}>
      <PageContainer narrow>
        <nav aria-label="Retour" className={fr.cx("fr-mb-2w")}>
          <Link className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")} to="/espace">
            Mon espace
          </Link>
        </nav>
        <h1>Candidatures reçues</h1>
        <p className={fr.cx("fr-text--lead")}>
          Toutes les candidatures à vos offres et les candidatures spontanées. Chaque changement d'état est envoyé au
          candidat ; la note reste entre vous.
        </p>
        <Inbox />
      </PageContainer>
    </RequireRole>
  );
}
