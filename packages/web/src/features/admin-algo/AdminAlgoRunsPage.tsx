import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CompanySiretSearch } from "../admin-algo-company/CompanySiretSearch.js";
import { AdminSectionsNav } from "./AdminSectionsNav.js";
import { RunsTable } from "./RunsTable.js";
import { type AlgoRun, canRollback, formatCount, runsQueryKey } from "./run-view.js";

// One dialog for the page, driven by the DSFR by id; it asks about the pending change.
const confirmModal = createModal({ id: "confirmer-publication", isOpenedByDefault: false });

type Change = { kind: "publish"; run: AlgoRun } | { kind: "rollback" };

function Runs() {
  const runs = useQuery({
    queryKey: runsQueryKey,
    queryFn: ({ signal }) => callApi(contracts.algoCompanies.listRuns, { signal }),
  });
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Change>();
  const change = useMutation({
    mutationFn: (what: Change) =>
      what.kind === "publish"
        ? callApi(contracts.algoCompanies.publishRun, { params: { id: what.run.id } })
        : callApi(contracts.algoCompanies.rollbackPublication),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runsQueryKey }),
  });
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (change.data || change.isError) outcomeRef.current?.focus();
  }, [change.data, change.isError]);

  function ask(what: Change) {
    change.reset();
    setPending(what);
    confirmModal.open();
  }

  if (runs.isPending) return <Loading text="Chargement des calculs…" />;
  if (runs.isError) return <ApiErrorAlert error={runs.error} title="Les calculs n'ont pas pu être chargés" />;
  const items = runs.data.items;
  return (
    <>
      <div ref={outcomeRef} tabIndex={-1}>
        {change.data && (
          <Alert
            severity="success"
            small
            className={fr.cx("fr-mb-3w")}
            description={`Le calcul n° ${change.data.activeRunId} est publié : ${formatCount(change.data.companies)} entreprises exposées pour ${formatCount(change.data.pairs)} couples entreprise-métier.`}
          />
        )}
        {change.isError && (
          <ApiErrorAlert error={change.error} title="La publication n'a pas changé" className={fr.cx("fr-mb-3w")} />
        )}
      </div>
      {items.length === 0 ? (
        <p>Aucun calcul pour l'instant : lancez-en un avec « npm run cli -- algo:score ».</p>
      ) : (
        <RunsTable runs={items} busy={change.isPending} onPublish={(run) => ask({ kind: "publish", run })} />
      )}
      {canRollback(items) && (
        <button
          type="button"
          className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-icon-arrow-go-back-line", "fr-btn--icon-left")}
          disabled={change.isPending}
          onClick={() => ask({ kind: "rollback" })}
        >
          Revenir à la publication précédente
        </button>
      )}
      <confirmModal.Component
        title={
          pending?.kind === "publish"
            ? `Publier le calcul n° ${pending.run.id} ?`
            : "Revenir à la publication précédente ?"
        }
        buttons={[
          { children: "Ne rien changer", priority: "secondary" },
          {
            children: pending?.kind === "publish" ? "Publier" : "Revenir en arrière",
            onClick: () => pending && change.mutate(pending),
          },
        ]}
      >
        <p>
          Les candidats verront aussitôt les entreprises de ce calcul. Le calcul remplacé reste disponible pour revenir
          en arrière.
        </p>
      </confirmModal.Component>
    </>
  );
}

/** /admin/algorithme: the algorithm's runs (evaluations and scores), publication and rollback. */
export function AdminAlgoRunsPage() {
  usePageTitle("Algorithme : calculs");
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin/algorithme" />
        <h1>Algorithme : calculs</h1>
        <p>
          Un calcul de scores terminé peut être publié : la bascule est atomique. Les évaluations produisent un rapport
          (courbes de captation et chiffres) pour juger un modèle avant de le publier.
        </p>
        <CompanySiretSearch />
        <Runs />
      </PageContainer>
    </RequireRole>
  );
}
