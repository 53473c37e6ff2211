import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatFrenchDate } from "@tremplin/core";
import { Link } from "react-router";
import { type AlgoRun, canPublish, formatCount, runDuration, runKindLabels, runStatusLabels } from "./run-view.js";

const statusSeverity = { running: "info", succeeded: "success", failed: "error" } as const;

function RunState({ run }: { run: AlgoRun }) {
  return (
    <>
      <Badge small severity={statusSeverity[run.status]}>
        {runStatusLabels[run.status]}
      </Badge>
      {run.active && (
        <Badge small severity="new" className={fr.cx("fr-ml-1v")}>
          Publié
        </Badge>
      )}
      {run.previous && (
        <Badge small noIcon className={fr.cx("fr-ml-1v")}>
          Précédent
        </Badge>
      )}
      {run.error && <p className={fr.cx("fr-text--xs", "fr-mb-0", "fr-mt-1v")}>{run.error}</p>}
    </>
  );
}

/** The runs, newest first: what each is, its state, what it exposes, its report, and « Publier ». */
export function RunsTable({
  runs,
  busy,
  onPublish,
}: {
  runs: AlgoRun[];
  busy: boolean;
  onPublish: (run: AlgoRun) => void;
}) {
  return (
    <div className={fr.cx("fr-table", "fr-table--no-caption")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>Calculs de l'algorithme</caption>
              <thead>
                <tr>
                  <th scope="col">Calcul</th>
                  <th scope="col">État</th>
                  <th scope="col">Données au</th>
                  <th scope="col">Lancé le</th>
                  <th scope="col">Entreprises exposées</th>
                  <th scope="col">Rapport</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/admin/algorithme/calculs/${run.id}`}>
                        n° {run.id} · {runKindLabels[run.kind]}
                      </Link>
                      <br />
                      <span className={fr.cx("fr-text--xs")}>{run.trigger}</span>
                    </th>
                    <td>
                      <RunState run={run} />
                    </td>
                    <td>{run.asOf ? formatFrenchDate(run.asOf) : "—"}</td>
                    <td>
                      {formatFrenchDate(run.startedAt)}
                      {runDuration(run) ? ` (${runDuration(run)})` : ""}
                    </td>
                    <td>{formatCount(run.exposedCompanies)}</td>
                    <td>
                      {run.hasReport ? (
                        <>
                          {/* Served by the API with the admin's session: real page loads. */}
                          <a href={`/api/v1/admin/algo/runs/${run.id}/report.svg`}>Courbes</a>
                          {" · "}
                          <a href={`/api/v1/admin/algo/runs/${run.id}/report.md`}>Rapport</a>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      {canPublish(run) && (
                        <button
                          type="button"
                          className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
                          disabled={busy}
                          onClick={() => onPublish(run)}
                        >
                          Publier<span className="fr-sr-only"> le calcul n° {run.id}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
