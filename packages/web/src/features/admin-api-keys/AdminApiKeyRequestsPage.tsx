import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiKeyRequest,
  type ApiKeyRequestStatus,
  type ApiScope,
  apiKeyRequestStatuses,
  apiKeyRequestStatusLabels,
  apiScopes,
  contracts,
  formatFrenchDate,
} from "@tremplin/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AdminSectionsNav } from "../admin-algo/AdminSectionsNav.js";
import "../cfa-matching/cards.css";

const scopeLabels: Record<ApiScope, string> = {
  "offers:read": "Lire les offres (synchronisation, export, webhooks)",
  "offers:write": "Publier des offres pour ses entreprises",
  "applications:write": "Transmettre des candidatures",
};

function RequestCard({ request }: { request: ApiKeyRequest }) {
  const client = useQueryClient();
  const [scopes, setScopes] = useState<ApiScope[]>(["offers:read"]);
  const done = () => client.invalidateQueries({ queryKey: ["admin-api-key-requests"] });
  const grant = useMutation({
    mutationFn: () => callApi(contracts.contact.grantApiKeyRequest, { params: { id: request.id }, body: { scopes } }),
    onSuccess: done,
  });
  const refuse = useMutation({
    mutationFn: () => callApi(contracts.contact.refuseApiKeyRequest, { params: { id: request.id }, body: {} }),
    onSuccess: done,
  });
  const titleId = `key-request-${request.id}`;
  return (
    <li className={fr.cx("fr-card", "fr-card--no-arrow", "fr-mb-2w")} aria-labelledby={titleId}>
      <div className={fr.cx("fr-card__body")}>
        <div className={fr.cx("fr-card__content")}>
          <h2 id={titleId} className={fr.cx("fr-card__title", "fr-h6")}>
            {request.organisation}
          </h2>
          <p className={fr.cx("fr-card__desc")}>
            {request.name} — {request.email} — demandée le {formatFrenchDate(request.createdAt)}
          </p>
          <p style={{ whiteSpace: "pre-wrap" }}>{request.message}</p>
          {request.status === "granted" && (
            <p>
              Clé « {request.keyName} » envoyée le {formatFrenchDate(request.decidedAt as string)} (
              {request.scopes.join(", ")}).
            </p>
          )}
          {request.status === "refused" && <p>Refusée le {formatFrenchDate(request.decidedAt as string)}.</p>}
          {(grant.isError || refuse.isError) && <ApiErrorAlert error={grant.error ?? refuse.error} />}
          {request.status === "pending" && (
            <>
              <Checkbox
                legend="Portées de la clé"
                small
                options={apiScopes.map((scope) => ({
                  label: scopeLabels[scope],
                  nativeInputProps: {
                    checked: scopes.includes(scope),
                    onChange: (event) =>
                      setScopes((s) => (event.target.checked ? [...s, scope] : s.filter((x) => x !== scope))),
                  },
                }))}
              />
              <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
                <li>
                  <Button
                    onClick={() => grant.mutate()}
                    disabled={scopes.length === 0 || grant.isPending || refuse.isPending}
                  >
                    Accorder et envoyer la clé
                  </Button>
                </li>
                <li>
                  <Button
                    priority="secondary"
                    onClick={() => refuse.mutate()}
                    disabled={grant.isPending || refuse.isPending}
                  >
                    Refuser
                  </Button>
                </li>
              </ul>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

function Queue() {
  const [search, setSearch] = useSearchParams();
  const status = apiKeyRequestStatuses.find((s) => s === search.get("statut")) ?? "pending";
  const requests = useQuery({
    queryKey: ["admin-api-key-requests", status],
    queryFn: ({ signal }) => callApi(contracts.contact.listApiKeyRequests, { query: { status }, signal }),
  });
  const segment = (value: ApiKeyRequestStatus) => ({
    label: apiKeyRequestStatusLabels[value],
    nativeInputProps: {
      checked: status === value,
      onChange: () => setSearch(value === "pending" ? {} : { statut: value }, { replace: true }),
    },
  });
  return (
    <>
      <SegmentedControl
        small
        legend="Demandes"
        inlineLegend
        className={fr.cx("fr-mb-3w")}
        segments={[segment("pending"), segment("granted"), segment("refused")]}
      />
      {requests.isPending && <Loading text="Chargement des demandes…" />}
      {requests.isError && <ApiErrorAlert error={requests.error} title="Les demandes n'ont pas pu être chargées" />}
      {requests.data?.items.length === 0 && (
        <Alert severity="info" small description="Aucune demande dans cette liste." />
      )}
      {requests.data && requests.data.items.length > 0 && (
        <ul className="app-plain-list">
          {requests.data.items.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </ul>
      )}
    </>
  );
}

/** /admin/cles-api: partners' API key requests from the contact form; grant (key emailed once) or refuse. */
export function AdminApiKeyRequestsPage() {
  usePageTitle("Demandes de clé d'API");
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <AdminSectionsNav current="/admin/cles-api" />
        <h1>Demandes de clé d'API</h1>
        <p>
          Accorder une demande crée la clé avec les portées choisies et l'envoie une seule fois par e-mail au demandeur
          ; Tremplin n'en garde qu'une empreinte. Refuser prévient le demandeur.
        </p>
        <Queue />
      </PageContainer>
    </RequireRole>
  );
}
