import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatFrenchDate } from "@tremplin/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { RefuseForm } from "./RefuseForm.js";

export interface RequestCardProps {
  id: string;
  title: string;
  statusLabel: string;
  open: boolean;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  acceptLabel: string;
  /** The admin's page of the company; left out where the reader may not open it (OPCO advisers). */
  companyHref?: string;
  children: ReactNode;
  accept: () => Promise<unknown>;
  refuse: (reason: string) => Promise<unknown>;
}

/** A delisting or listing request: its details (children), and accept / refuse with a reason. */
export function RequestCard(props: RequestCardProps) {
  const [refusing, setRefusing] = useState(false);
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: { accept: true } | { accept: false; reason: string }) =>
      decision.accept ? props.accept() : props.refuse(decision.reason),
    onSuccess: () => {
      setRefusing(false);
      void queryClient.invalidateQueries({ queryKey: ["admin-algo-requests"] });
    },
  });
  const titleId = `demande-${props.id}`;
  return (
    <li className="app-bordered" aria-labelledby={titleId}>
      <div className="app-card-head">
        <h3 id={titleId} className={fr.cx("fr-h6", "fr-mb-1w")}>
          {props.title}
        </h3>
        <Badge small severity={props.open ? "new" : undefined} noIcon={!props.open}>
          {props.statusLabel}
        </Badge>
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Reçue le {formatFrenchDate(props.createdAt)}
        {props.decidedAt ? ` · décidée le ${formatFrenchDate(props.decidedAt)}` : ""}
        {props.decisionReason ? ` : « ${props.decisionReason} »` : ""}
      </p>
      {props.companyHref && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          <Link to={props.companyHref}>
            Voir l'exposition de l'entreprise<span className="fr-sr-only"> : {props.title}</span>
          </Link>
        </p>
      )}
      {props.children}
      {decide.isError && <ApiErrorAlert error={decide.error} className={fr.cx("fr-mb-2w")} />}
      {props.open &&
        (refusing ? (
          <RefuseForm
            id={props.id}
            busy={decide.isPending}
            onRefuse={(reason) => decide.mutate({ accept: false, reason })}
            onCancel={() => setRefusing(false)}
          />
        ) : (
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm")}
                disabled={decide.isPending}
                onClick={() => decide.mutate({ accept: true })}
              >
                {props.acceptLabel}
                <span className="fr-sr-only"> : {props.title}</span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
                disabled={decide.isPending}
                onClick={() => setRefusing(true)}
              >
                Refuser<span className="fr-sr-only"> : {props.title}</span>
              </button>
            </li>
          </ul>
        ))}
    </li>
  );
}
