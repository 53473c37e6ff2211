import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";

const tokenSchema = contracts.cfaMatching.optOutCfaLink.body.shape.token;

/**
 * /cfa/desinscription?jeton=…: a CFA stops receiving companies' requests. The change waits for a
 * click (a link followed by a mail scanner must not unsubscribe anyone), and the same link can undo it.
 */
export function CfaOptOutPage() {
  usePageTitle("Ne plus recevoir de demandes d'entreprises");
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const valid = tokenSchema.safeParse(token).success;
  const change = useMutation({
    mutationFn: (optOut: boolean) =>
      callApi(optOut ? contracts.cfaMatching.optOutCfaLink : contracts.cfaMatching.optInCfaLink, { body: { token } }),
  });
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (change.data || change.isError) outcomeRef.current?.focus();
  }, [change.data, change.isError]);

  const optedOut = change.data ? !change.data.acceptsRequests : false;

  return (
    <PageContainer narrow>
      <h1>Demandes des entreprises</h1>
      {!valid ? (
        <Alert
          severity="error"
          small
          description="Ce lien n'est pas complet. Copiez bien toute l'adresse reçue par e-mail, ou réglez ce choix depuis votre espace CFA."
        />
      ) : (
        <>
          <div ref={outcomeRef} tabIndex={-1}>
            {change.data && (
              <Alert
                severity={change.data.acceptsRequests ? "success" : "info"}
                title={change.data.name}
                description={change.data.message}
                className={fr.cx("fr-mb-3w")}
              />
            )}
            {change.isError && (
              <ApiErrorAlert error={change.error} title="Votre choix n'a pas pu être enregistré" className="fr-mb-3w" />
            )}
          </div>
          {!change.data && (
            <p className={fr.cx("fr-text--lead")}>
              Les entreprises proches qui recrutent dans vos métiers peuvent vous faire connaître leur besoin par
              Tremplin. Si vous ne souhaitez plus recevoir ces demandes, confirmez ci-dessous : votre centre ne sera
              plus proposé aux entreprises, avec effet immédiat.
            </p>
          )}
          {optedOut ? (
            <Button priority="secondary" disabled={change.isPending} onClick={() => change.mutate(false)}>
              Recevoir de nouveau les demandes
            </Button>
          ) : (
            <Button disabled={change.isPending} onClick={() => change.mutate(true)}>
              Ne plus recevoir de demandes d'entreprises
            </Button>
          )}
        </>
      )}
      <p className={fr.cx("fr-mt-4w", "fr-text--sm")}>
        Avec un compte CFA, vous réglez ce choix à tout moment depuis{" "}
        <Link to="/espace/cfa/demandes">votre espace</Link>.
      </p>
    </PageContainer>
  );
}
