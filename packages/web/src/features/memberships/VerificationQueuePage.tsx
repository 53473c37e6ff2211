import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  compactIdentifier,
  contracts,
  displayName,
  formatFrenchDate,
  formatSiret,
  isValidSiret,
  withPreposition,
} from "@tremplin/core";
import { useState } from "react";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";

const c = contracts.memberships;
const REFUSAL = "Lien avec l'établissement non confirmé par l'OPCO ou l'administration";

function Queue({ staff }: { staff: "opco" | "admin" }) {
  const queryClient = useQueryClient();
  const key = ["membership-queue", staff];
  const query = useQuery({
    queryKey: key,
    queryFn: () => callApi(staff === "opco" ? c.opcoMembershipQueue : c.adminMembershipQueue),
  });
  const decide = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      accept
        ? callApi(c.staffAcceptMembership, { params: { id } })
        : callApi(c.staffRefuseMembership, { params: { id }, body: { reason: REFUSAL } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  if (query.isPending) return <Loading text="Chargement de la file…" />;
  if (query.error) return <Alert severity="error" small description={errorMessage(query.error)} />;
  if (query.data.items.length === 0) return <p>Aucun compte n'attend de vérification.</p>;
  return (
    <>
      {decide.error && <Alert severity="error" small description={errorMessage(decide.error)} />}
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Comptes à vérifier ({query.data.items.length})</caption>
          <thead>
            <tr>
              <th scope="col">Établissement</th>
              <th scope="col">Personne</th>
              <th scope="col">Nature</th>
              <th scope="col">Inscrite le</th>
              <th scope="col">Décision</th>
            </tr>
          </thead>
          <tbody>
            {query.data.items.map((i) => (
              <tr key={i.accountId}>
                <td>
                  {i.organisationName}
                  <br />
                  <span className={fr.cx("fr-text--xs")}>SIRET {formatSiret(i.siret)}</span>
                </td>
                <td>
                  {i.applicant.firstName} {i.applicant.lastName}
                  <br />
                  <span className={fr.cx("fr-text--xs")}>{i.applicant.email}</span>
                </td>
                <td>
                  <Badge small severity={i.kind === "join" ? "info" : "new"}>
                    {i.kind === "join"
                      ? `Demande d'accès (${i.verifiedMembers} membre${i.verifiedMembers > 1 ? "s" : ""} vérifié${i.verifiedMembers > 1 ? "s" : ""})`
                      : "Première inscription"}
                  </Badge>
                </td>
                <td>{formatFrenchDate(i.createdAt)}</td>
                <td>
                  <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
                    <li>
                      <button
                        type="button"
                        className={fr.cx("fr-btn")}
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: i.accountId, accept: true })}
                      >
                        Vérifier
                      </button>
                    </li>
                    <li>
                      <button
                        type="button"
                        className={fr.cx("fr-btn", "fr-btn--secondary")}
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: i.accountId, accept: false })}
                      >
                        Refuser
                      </button>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function OrganisationHistory() {
  const [input, setInput] = useState("");
  const siret = compactIdentifier(input);
  const enabled = isValidSiret(siret);
  const query = useQuery({
    queryKey: ["organisation-history", siret],
    queryFn: () => callApi(c.organisationHistory, { params: { siret } }),
    enabled,
  });
  return (
    <section aria-labelledby="titre-historique" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-historique">Historique d'un établissement</h2>
      <Input
        label="SIRET de l'établissement"
        hintText="Qui l'a revendiqué, qui l'a vérifié, comment et quand"
        nativeInputProps={{ value: input, onChange: (e) => setInput(e.target.value), inputMode: "numeric" }}
      />
      {query.error && <Alert severity="error" small description={errorMessage(query.error)} />}
      {query.data && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>
              Historique {withPreposition("de", query.data.name ? displayName(query.data.name) : formatSiret(siret))}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Membre</th>
                <th scope="col">Événement</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {query.data.events.map((e) => (
                <tr key={`${e.at}-${e.action}-${e.member.accountId}`}>
                  <td>{formatFrenchDate(e.at)}</td>
                  <td>
                    {e.member.name} ({e.member.email})
                  </td>
                  <td>
                    {e.actionLabel}
                    {e.method ? ` — ${e.method}` : ""}
                    {e.reason ? ` — « ${e.reason} »` : ""}
                  </td>
                  <td>{e.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function IntermediaryReports() {
  const query = useQuery({
    queryKey: ["intermediary-reports"],
    queryFn: () => callApi(c.listIntermediaryReports, { query: { status: "open" } }),
  });
  if (!query.data || query.data.items.length === 0) return null;
  return (
    <section aria-labelledby="titre-intermediaires" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-intermediaires">Offres signalées « ce n'est pas nous »</h2>
      <ul>
        {query.data.items.map((r) => (
          <li key={r.id}>
            {r.offer.title} pour {r.offer.companyName} — déposée par {r.intermediary.name ?? r.intermediary.email}{" "}
            {r.sameDomain && (
              <Badge small severity="warning">
                Même domaine que le contact de l'entreprise
              </Badge>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /opco/verifications and /admin/verifications: pending memberships; for admins, audit and reports. */
export function VerificationQueuePage({ staff }: { staff: "opco" | "admin" }) {
  usePageTitle("Comptes à vérifier");
  return (
    <RequireRole roles={[staff]}>
      <PageContainer>
        <h1>Comptes à vérifier</h1>
        <p>
          Personnes dont le lien avec l'établissement n'est encore vérifié par rien d'autre que leur adresse e-mail. Les
          demandes d'accès ont aussi été envoyées aux membres vérifiés de l'établissement : la première décision compte.
        </p>
        <Queue staff={staff} />
        {staff === "admin" && <IntermediaryReports />}
        {staff === "admin" && <OrganisationHistory />}
      </PageContainer>
    </RequireRole>
  );
}
