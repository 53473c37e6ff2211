import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError, callApi } from "../../../api/client.js";
import { safeReturnPath } from "../../../auth/roles.js";
import { reloadMe } from "../../../auth/use-me.js";
import { errorMessage } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { RequestLinkForm } from "./RequestLinkForm.js";

const verifyMagicLink = contracts.accounts.verifyMagicLink;
const tokenSchema = verifyMagicLink.body.shape.token;

type Outcome = { kind: "verifying" } | { kind: "invalid"; message: string } | { kind: "failed"; message: string };

const invalidLinkMessage =
  "Ce lien de connexion n'est pas complet. Copiez bien toute l'adresse reçue par e-mail, ou demandez un nouveau lien.";

/**
 * /connexion/lien?jeton=…: the page the email links to (ADR 003). It sends the token with a POST
 * as soon as it loads (mail scanners that only GET cannot burn it), then goes on to the person's
 * space. A used or expired link says so and offers a new one.
 */
export function MagicLinkPage() {
  usePageTitle("Connexion");
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(() =>
    tokenSchema.safeParse(token).success ? { kind: "verifying" } : { kind: "invalid", message: invalidLinkMessage },
  );
  // Single use: React's development double effects must not send the token twice.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !tokenSchema.safeParse(token).success) return;
    sent.current = true;
    callApi(verifyMagicLink, { body: { token } })
      .then(async ({ redirectTo }) => {
        await reloadMe(queryClient);
        // The token leaves the address bar and the history: the next page replaces this one.
        navigate(safeReturnPath(redirectTo) ?? "/", { replace: true });
      })
      .catch((error: unknown) => {
        const invalid = error instanceof ApiError && (error.code === "MAGIC_LINK_INVALID" || error.status === 400);
        setOutcome({ kind: invalid ? "invalid" : "failed", message: errorMessage(error) });
      });
  }, [token, navigate, queryClient]);

  if (outcome.kind === "verifying") {
    return (
      <PageContainer narrow>
        <h1>Connexion en cours</h1>
        <Loading text="Nous vérifions votre lien de connexion…" />
      </PageContainer>
    );
  }

  return (
    <PageContainer narrow>
      <h1>{outcome.kind === "invalid" ? "Ce lien ne fonctionne plus" : "La connexion n'a pas abouti"}</h1>
      <Alert severity="error" small description={outcome.message} className={fr.cx("fr-mb-4w")} />
      {outcome.kind === "invalid" && (
        <p>
          Un lien de connexion sert une seule fois et reste valable 15 minutes. Certaines messageries ouvrent les liens
          pour les analyser, ce qui peut les utiliser avant vous. Recevez un nouveau lien :
        </p>
      )}
      <RequestLinkForm submitLabel="Recevoir un nouveau lien" />
    </PageContainer>
  );
}
