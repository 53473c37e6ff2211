import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type CfaLinkRequest, contracts, formatFrenchDate } from "@tremplin/core";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, callApi } from "../../api/client.js";
import { ApiErrorAlert, errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CfaAnswerForm } from "./CfaAnswerForm.js";
import { CfaRequestFacts } from "./CfaRequestFacts.js";
import { answerFromQuery, cfaAnswerLabels } from "./cfa-answer.js";
import "./cards.css";

const tokenSchema = contracts.cfaMatching.readCfaLink.body.shape.token;

function CfaSpaceLinks() {
  return (
    <p className={fr.cx("fr-mt-4w", "fr-text--sm")}>
      Votre centre a un compte Tremplin ? Retrouvez toutes les demandes des entreprises dans{" "}
      <Link to="/espace/cfa/demandes">votre espace CFA</Link>. Sinon, <Link to="/inscription/cfa">créez-le</Link> en
      quelques minutes.
    </p>
  );
}

function Answer({ token, request }: { token: string; request: CfaLinkRequest }) {
  const [search] = useSearchParams();
  const preselected = answerFromQuery(search.get("reponse")) ?? request.answer ?? undefined;
  const send = useMutation({
    mutationFn: (input: { answer: "candidates" | "no_candidate"; message?: string | null }) =>
      callApi(contracts.cfaMatching.answerCfaLink, { body: { token, ...input } }),
  });
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (send.isSuccess || send.isError) outcomeRef.current?.focus();
  }, [send.isSuccess, send.isError]);

  return (
    <>
      <h1>Une entreprise cherche un alternant</h1>
      <p className={fr.cx("fr-text--lead")}>
        « {request.offer.title} » : {request.offer.companyName} a choisi {request.cfa.name} pour lui présenter des
        candidats.
      </p>
      <CfaRequestFacts offer={request.offer} />
      <p className={fr.cx("fr-text--sm")}>
        Les coordonnées de l'entreprise sont dans l'e-mail de demande : vous pouvez aussi lui écrire ou l'appeler
        directement.
      </p>
      <div ref={outcomeRef} tabIndex={-1}>
        {send.data && (
          <Alert
            severity="success"
            title={send.data.applied ? "Réponse envoyée" : "Réponse déjà enregistrée"}
            description={send.data.message}
            className={fr.cx("fr-mb-3w")}
          />
        )}
        {send.isError && (
          <ApiErrorAlert
            error={send.error}
            title="Votre réponse n'a pas pu être envoyée"
            className={fr.cx("fr-mb-3w")}
          />
        )}
      </div>
      {!send.data && request.answer && request.answeredAt && (
        <Alert
          severity="info"
          small
          description={`Vous avez répondu le ${formatFrenchDate(request.answeredAt)} : « ${cfaAnswerLabels[request.answer]} ». Vous pouvez changer votre réponse ci-dessous.`}
          className={fr.cx("fr-mb-3w")}
        />
      )}
      {!request.canAnswer ? (
        <Alert
          severity="info"
          small
          description="Cette offre n'est plus d'actualité (pourvue ou annulée) : l'entreprise ne cherche plus de candidat."
        />
      ) : (
        !send.data && (
          <CfaAnswerForm
            idPrefix="demande"
            initialAnswer={preselected}
            initialMessage={request.answerMessage ?? ""}
            busy={send.isPending}
            onSubmit={(input) => send.mutate(input)}
          />
        )
      )}
      <CfaSpaceLinks />
    </>
  );
}

/**
 * /cfa/demande?jeton=…(&reponse=candidats|aucun): a CFA answers a company without an account. Opening
 * the page only reads the request (a POST that changes nothing, so that the token stays out of
 * server logs' query strings); answering takes a click, so that mail scanners following links
 * answer nothing.
 */
export function CfaAnswerPage() {
  usePageTitle("Demande d'une entreprise");
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const valid = tokenSchema.safeParse(token).success;
  const request = useQuery({
    queryKey: ["cfa-link", token],
    queryFn: ({ signal }) => callApi(contracts.cfaMatching.readCfaLink, { body: { token }, signal }),
    enabled: valid,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (!valid || request.isError) {
    const expired = !valid || (request.error instanceof ApiError && request.error.code === "CFA_LINK_INVALID");
    return (
      <PageContainer narrow>
        <h1>{expired ? "Ce lien ne fonctionne plus" : "La demande n'a pas pu être affichée"}</h1>
        <Alert
          severity="error"
          small
          description={
            valid
              ? errorMessage(request.error)
              : "Ce lien n'est pas complet. Copiez bien toute l'adresse reçue par e-mail."
          }
        />
        <CfaSpaceLinks />
      </PageContainer>
    );
  }
  return (
    <PageContainer narrow>
      {request.isPending ? (
        <Loading text="Chargement de la demande…" />
      ) : (
        <Answer token={token} request={request.data} />
      )}
    </PageContainer>
  );
}
