import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { contracts, type RouteOutput } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";

const confirmDelisting = contracts.algoCompanies.confirmDelisting;
const tokenSchema = confirmDelisting.body.shape.token;

type Outcome =
  | { kind: "working" }
  | { kind: "done"; result: RouteOutput<typeof confirmDelisting> }
  | { kind: "failed"; message: string };

const incompleteLink =
  "Ce lien n'est pas complet. Copiez bien toute l'adresse reçue par e-mail, ou faites une nouvelle demande de retrait.";

/**
 * /entreprises/dereferencement/confirmation?jeton=… (the link of the delisting email). Like the
 * other email links, the page POSTs the token once it has loaded: a mail scanner that follows the
 * link (GET) removes nothing. A second visit is harmless (the API answers applied: false).
 */
export function DelistingConfirmationPage() {
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const [outcome, setOutcome] = useState<Outcome>(() =>
    tokenSchema.safeParse(token).success ? { kind: "working" } : { kind: "failed", message: incompleteLink },
  );
  const sent = useRef(false);
  usePageTitle(outcome.kind === "done" ? "Entreprise retirée de la liste" : "Retrait de la liste");

  useEffect(() => {
    // Once per page load, even when React runs effects twice in development.
    if (sent.current || !tokenSchema.safeParse(token).success) return;
    sent.current = true;
    callApi(confirmDelisting, { body: { token } })
      .then((result) => setOutcome({ kind: "done", result }))
      .catch((error: unknown) => setOutcome({ kind: "failed", message: errorMessage(error) }));
  }, [token]);

  if (outcome.kind === "working") {
    return (
      <PageContainer narrow>
        <h1>Retrait de la liste</h1>
        <Loading text="Nous confirmons votre demande…" />
      </PageContainer>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <PageContainer narrow>
        <h1>Ce lien ne fonctionne plus</h1>
        <Alert severity="error" small description={outcome.message} />
        <Link className={fr.cx("fr-btn", "fr-mt-4w")} to="/entreprises/dereferencement">
          Faire une nouvelle demande
        </Link>
      </PageContainer>
    );
  }
  const { result } = outcome;
  return (
    <PageContainer narrow>
      <h1>Entreprise retirée de la liste</h1>
      <Alert severity={result.applied ? "success" : "info"} title={result.companyName} description={result.message} />
      <p className={fr.cx("fr-mt-3w")}>
        Vous pouvez toujours publier une offre d'alternance sur Tremplin quand vous recrutez.{" "}
        <Link to="/inscription">Déposer une offre</Link>
      </p>
    </PageContainer>
  );
}
