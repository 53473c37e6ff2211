import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { contracts, withPreposition } from "@tremplin/core";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";

const tokenSchema = contracts.alerts.confirmAlert.body.shape.token;
const incompleteLink = "Ce lien n'est pas complet : copiez bien toute l'adresse reçue par e-mail.";

function Failure({ message }: { message: string }) {
  return (
    <>
      <Alert severity="error" title="Ce lien ne fonctionne pas" description={message} className={fr.cx("fr-mb-4w")} />
      <Link className={fr.cx("fr-btn")} to="/recherche">
        Chercher des offres
      </Link>
    </>
  );
}

/**
 * /alertes/confirmation?jeton=…: the link of the confirmation email. The page POSTs the token when
 * it loads (ADR 003): confirming is what the person asked for, and a mail scanner that only
 * fetches the page confirms nothing.
 */
export function AlertConfirmationPage() {
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const valid = tokenSchema.safeParse(token).success;
  const confirm = useMutation({ mutationFn: () => callApi(contracts.alerts.confirmAlert, { body: { token } }) });
  const sent = useRef(false);
  usePageTitle("Confirmation de votre alerte");
  useEffect(() => {
    if (!valid || sent.current) return;
    sent.current = true;
    confirm.mutate();
  }, [valid, confirm]);

  return (
    <PageContainer narrow>
      <h1>Votre alerte</h1>
      {!valid ? (
        <Failure message={incompleteLink} />
      ) : confirm.isError ? (
        <Failure message={errorMessage(confirm.error)} />
      ) : !confirm.data ? (
        <Loading text="Confirmation de l'alerte…" />
      ) : (
        <>
          <Alert
            severity="success"
            title="Alerte confirmée"
            description={`${confirm.data.message} Alerte : ${confirm.data.alert.jobLabel} à ${confirm.data.alert.radius} km ${withPreposition("de", confirm.data.alert.placeLabel)}.`}
            className={fr.cx("fr-mb-4w")}
          />
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Link className={fr.cx("fr-btn")} to="/mes-alertes">
                Gérer mes alertes
              </Link>
            </li>
            <li>
              <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/recherche">
                Chercher des offres
              </Link>
            </li>
          </ul>
        </>
      )}
    </PageContainer>
  );
}

/**
 * /alertes/desinscription?jeton=…: the « se désabonner » link of the alert emails. One button to
 * press (ADR 008): a link followed by a scanner unsubscribes nobody. Mail clients use the
 * List-Unsubscribe header instead, which POSTs to the API directly (RFC 8058).
 */
export function AlertUnsubscribePage() {
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const valid = tokenSchema.safeParse(token).success;
  const unsubscribe = useMutation({
    mutationFn: () => callApi(contracts.alerts.unsubscribeAlert, { query: { token } }),
  });
  usePageTitle("Se désabonner d'une alerte");
  return (
    <PageContainer narrow>
      <h1>Se désabonner d'une alerte</h1>
      {!valid ? (
        <Failure message={incompleteLink} />
      ) : unsubscribe.isError ? (
        <Failure message={errorMessage(unsubscribe.error)} />
      ) : unsubscribe.data ? (
        <Alert severity="success" title="Désabonnement enregistré" description={unsubscribe.data.message} />
      ) : (
        <>
          <p>Vous ne recevrez plus d'e-mail pour cette alerte. Vos autres alertes ne changent pas.</p>
          <Button onClick={() => unsubscribe.mutate()} disabled={unsubscribe.isPending}>
            {unsubscribe.isPending ? "Désabonnement…" : "Me désabonner"}
          </Button>
        </>
      )}
    </PageContainer>
  );
}
