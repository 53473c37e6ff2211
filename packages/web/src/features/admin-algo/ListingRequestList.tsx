import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { companyPath } from "../admin-algo-company/company-path.js";
import { RequestCard } from "./RequestCard.js";
import "../cfa-matching/cards.css";

const api = contracts.algoCompanies;
export type RequestQueue = "open" | "all";

/** « Boulangerie Martin · SIRET … » ; the demo's requests (and some real ones) have no name yet. */
export function requestTitle(r: { companyName: string | null; siret: string }) {
  return `${r.companyName ?? "Entreprise"} · SIRET ${r.siret}`;
}

/**
 * Listing requests and their decision, shared by the admin (all of them) and OPCO advisers (the API
 * answers with their OPCO's only): same cards, same accept / refuse with a reason. Its query key
 * starts with the one RequestCard refreshes after a decision.
 */
export function ListingRequestList({ status, companyLinks }: { status: RequestQueue; companyLinks: boolean }) {
  const list = useQuery({
    queryKey: ["admin-algo-requests", "listing", status],
    queryFn: ({ signal }) => callApi(api.listListingRequests, { query: { status }, signal }),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ApiErrorAlert error={list.error} title="Les demandes n'ont pas pu être chargées" />;
  if (list.data.items.length === 0)
    return <p>Aucune demande de référencement{status === "open" ? " à examiner" : ""}.</p>;
  return (
    <ul className="app-plain-list">
      {list.data.items.map((r) => (
        <RequestCard
          key={r.id}
          id={r.id}
          title={requestTitle(r)}
          statusLabel={r.statusLabel}
          open={r.status === "pending"}
          createdAt={r.createdAt}
          decidedAt={r.decidedAt}
          decisionReason={r.decisionReason}
          acceptLabel="Accepter et exposer"
          {...(companyLinks ? { companyHref: companyPath(r.siret) } : {})}
          accept={() => callApi(api.acceptListingRequest, { params: { id: r.id } })}
          refuse={(reason) => callApi(api.refuseListingRequest, { params: { id: r.id }, body: { reason } })}
        >
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            Contact : {r.contact.firstName} {r.contact.lastName},{" "}
            <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>, {r.contact.phone}
            {r.opco ? ` · OPCO : ${r.opco.name}` : ""}
          </p>
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            Métiers : {r.romes.map((rome) => `${rome.label} (${rome.code})`).join(", ")}
          </p>
          {r.message && (
            <blockquote className="app-quote">
              <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{r.message}</p>
            </blockquote>
          )}
        </RequestCard>
      ))}
    </ul>
  );
}
