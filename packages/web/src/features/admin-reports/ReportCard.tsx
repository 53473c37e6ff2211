import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AdminReport, contracts, formatFrenchDate, type OfferStatus, offerStatusLabels } from "@tremplin/core";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { sameTargetLabel, targetLabel } from "./report-view.js";

type Decision = "unpublish" | "dismiss";

/**
 * The reports of one target (an offer reported twice is one card): what, why, each reporter's
 * words; for open ones, a note and the two decisions, which the API applies to all of them.
 */
export function ReportCard({ reports }: { reports: AdminReport[] }) {
  const report = reports[0] as AdminReport;
  const [note, setNote] = useState("");
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      callApi(decision === "unpublish" ? contracts.reports.unpublishReported : contracts.reports.dismissReport, {
        params: { id: report.id },
        body: { note: note.trim() || undefined },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin-reports"] }),
  });
  const titleId = `signalement-${report.id}`;
  const noteId = `note-${report.id}`;
  const others = sameTargetLabel(Math.max(report.reportsOnTarget, reports.length), report.target.kind);
  const noteError = apiFieldErrors(decide.error).note;

  return (
    <li className="app-bordered" aria-labelledby={titleId}>
      <div className="app-card-head">
        <h3 id={titleId} className={fr.cx("fr-h6", "fr-mb-1w")}>
          {targetLabel(report.target)}
        </h3>
        <Badge small severity={report.status === "open" ? "new" : undefined} noIcon={report.status !== "open"}>
          {report.statusLabel}
        </Badge>
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {others ?? "1 signalement"}
        {report.target.offerStatus
          ? ` · offre : ${offerStatusLabels[report.target.offerStatus as OfferStatus]?.toLowerCase() ?? report.target.offerStatus}`
          : ""}
      </p>
      <ul className="app-plain-list">
        {reports.map((one) => (
          <li key={one.id}>
            <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
              <strong>{one.reasonLabel}</strong> · signalé le {formatFrenchDate(one.createdAt)}
            </p>
            {one.message && (
              <blockquote className="app-quote">
                <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{one.message}</p>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
      {report.target.offerId && (
        <p className={fr.cx("fr-text--sm")}>
          <Link to={`/offres/${report.target.offerId}`}>
            Voir l'offre<span className="fr-sr-only"> {report.target.title}</span>
          </Link>
        </p>
      )}
      {report.decidedAt && (
        <p className={fr.cx("fr-text--sm")}>
          Décidé le {formatFrenchDate(report.decidedAt)}
          {report.decisionNote ? ` : « ${report.decisionNote} »` : "."}
        </p>
      )}
      {report.status === "open" && (
        <div>
          {decide.isError && !noteError && <ApiErrorAlert error={decide.error} className={fr.cx("fr-mb-2w")} />}
          <Input
            textArea
            label="Note (facultative)"
            hintText="Interne ; pour une dépublication, elle est aussi transmise au recruteur."
            {...fieldState(noteError)}
            nativeTextAreaProps={{
              id: noteId,
              rows: 2,
              maxLength: 1000,
              value: note,
              onChange: (event) => setNote(event.target.value),
            }}
          />
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm")}
                disabled={decide.isPending}
                onClick={() => decide.mutate("unpublish")}
              >
                Dépublier<span className="fr-sr-only"> : {targetLabel(report.target)}</span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
                disabled={decide.isPending}
                onClick={() => decide.mutate("dismiss")}
              >
                Classer sans suite<span className="fr-sr-only"> : {targetLabel(report.target)}</span>
              </button>
            </li>
          </ul>
        </div>
      )}
    </li>
  );
}
