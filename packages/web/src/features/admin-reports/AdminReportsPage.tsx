import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { useQuery } from "@tanstack/react-query";
import { contracts, type ReportStatus, reportStatusLabels } from "@tremplin/core";
import { useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AdminSectionsNav } from "../admin-algo/AdminSectionsNav.js";
import { ReportCard } from "./ReportCard.js";
import { groupByTarget, statusFromQuery } from "./report-view.js";
import "../cfa-matching/cards.css";

function Queue() {
  const [search, setSearch] = useSearchParams();
  const status = statusFromQuery(search.get("statut"));
  const reports = useQuery({
    queryKey: ["admin-reports", status],
    queryFn: ({ signal }) => callApi(contracts.reports.listReports, { query: { status }, signal }),
  });
  const segment = (value: ReportStatus) => ({
    label: reportStatusLabels[value],
    nativeInputProps: {
      checked: status === value,
      onChange: () => setSearch(value === "open" ? {} : { statut: value }, { replace: true }),
    },
  });
  return (
    <>
      <SegmentedControl
        small
        legend="Signalements"
        inlineLegend
        className={fr.cx("fr-mb-3w")}
        segments={[segment("open"), segment("unpublished"), segment("dismissed")]}
      />
      {reports.isPending && <Loading text="Chargement des signalements…" />}
      {reports.isError && <ApiErrorAlert error={reports.error} title="Les signalements n'ont pas pu être chargés" />}
      {reports.data?.items.length === 0 && (
        <Alert
          severity="info"
          small
          description={status === "open" ? "Aucun signalement à traiter." : "Aucun signalement dans cette liste."}
        />
      )}
      {reports.data && reports.data.items.length > 0 && (
        <ul className="app-plain-list">
          {groupByTarget(reports.data.items).map((group) => (
            <ReportCard key={group[0]?.id} reports={group} />
          ))}
        </ul>
      )}
    </>
  );
}

/** /admin/signalements: offers and companies reported by visitors, oldest first; unpublish or dismiss. */
export function AdminReportsPage() {
  usePageTitle("Signalements");
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin/signalements" />
        <h1>Signalements</h1>
        <p>
          Dépublier une offre la retire de la recherche et des flux partenaires, et prévient son gestionnaire ; une
          entreprise dépubliée ne reçoit plus de candidatures spontanées. Tous les signalements de la même offre ou
          entreprise sont clos ensemble.
        </p>
        <Queue />
      </PageContainer>
    </RequireRole>
  );
}
