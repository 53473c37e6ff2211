import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, formatFrenchDate, withPreposition } from "@tremplin/core";
import { Link } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";

const myAlertsKey = ["my-alerts"] as const;

/**
 * A candidate's alerts, to delete one: a part of the candidate space, also shown alone on
 * /mes-alertes (the link of the alert emails).
 */
export function MyAlerts() {
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: myAlertsKey,
    queryFn: ({ signal }) => callApi(contracts.alerts.listMyAlerts, { signal }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => callApi(contracts.alerts.deleteMyAlert, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAlertsKey }),
  });

  if (alerts.isPending) return <Loading text="Chargement de vos alertes…" />;
  if (alerts.isError) return <ApiErrorAlert error={alerts.error} title="Vos alertes n'ont pas pu être chargées" />;
  if (alerts.data.items.length === 0) {
    return (
      <p>
        Aucune alerte. Depuis une <Link to="/recherche">recherche</Link>, « Créer une alerte » vous envoie les nouvelles
        offres par e-mail.
      </p>
    );
  }
  return (
    <>
      {remove.error && <ApiErrorAlert error={remove.error} className={fr.cx("fr-mb-2w")} />}
      <ul className="app-my-alerts">
        {alerts.data.items.map((alert) => (
          <li key={alert.id} className={fr.cx("fr-mb-3w")}>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>
              {alert.searchUrl ? <a href={alert.searchUrl}>{alert.jobLabel}</a> : alert.jobLabel} à {alert.radius} km{" "}
              {withPreposition("de", alert.placeLabel)}
            </h3>
            <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
              {alert.confirmedAt ? (
                <Badge severity="success" small>
                  Active depuis le {formatFrenchDate(alert.confirmedAt)}
                </Badge>
              ) : (
                <Badge severity="warning" small>
                  En attente de confirmation (lien envoyé par e-mail)
                </Badge>
              )}
            </p>
            <Button
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              disabled={remove.isPending}
              onClick={() => remove.mutate(alert.id)}
            >
              Supprimer<span className="fr-sr-only"> l'alerte {alert.jobLabel}</span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
