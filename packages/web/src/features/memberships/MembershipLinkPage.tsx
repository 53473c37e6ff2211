import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";

const c = contracts.memberships;

/**
 * /espace/membres/demande?jeton=…&decision=accepter|refuser: the page a verified member opens from
 * the « demande à rejoindre » email. It reads the request (a POST that changes nothing), then the
 * member clicks to decide (ADR 003 and 008: mail scanners that follow links decide nothing).
 */
export function MembershipLinkPage() {
  usePageTitle("Demande pour rejoindre votre établissement");
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const suggested = search.get("decision") === "refuser" ? "refuse" : "accept";
  const read = useQuery({
    queryKey: ["membership-link", token],
    queryFn: () => callApi(c.readMembershipLink, { body: { token } }),
    retry: false,
    enabled: token.length >= 20,
  });
  const decide = useMutation({
    mutationFn: (decision: "accept" | "refuse") => callApi(c.decideMembershipLink, { body: { token, decision } }),
  });
  const info = decide.data ?? read.data;
  return (
    <PageContainer narrow>
      <h1>Demande pour rejoindre votre établissement</h1>
      {token.length < 20 && (
        <Alert
          severity="error"
          small
          description="Ce lien n'est pas complet : copiez toute l'adresse reçue par e-mail."
        />
      )}
      {read.isLoading && <Loading text="Lecture de la demande…" />}
      {read.error && <Alert severity="error" small description={errorMessage(read.error)} />}
      {decide.error && (
        <Alert severity="error" small description={errorMessage(decide.error)} className={fr.cx("fr-mb-2w")} />
      )}
      {info && (
        <>
          <p className={fr.cx("fr-text--lead")}>{info.message}</p>
          <p>
            Adresse e-mail : <strong>{info.applicant.email}</strong>
          </p>
          {info.state === "pending" ? (
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
              {(suggested === "accept" ? (["accept", "refuse"] as const) : (["refuse", "accept"] as const)).map((d) => (
                <li key={d}>
                  <button
                    type="button"
                    className={fr.cx("fr-btn", d === suggested ? undefined : "fr-btn--secondary")}
                    disabled={decide.isPending}
                    onClick={() => decide.mutate(d)}
                  >
                    {d === "accept" ? "Accepter cette personne" : "Refuser la demande"}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <Alert
              severity={info.state === "accepted" ? "success" : "info"}
              small
              description={info.state === "accepted" ? "Demande acceptée." : "Demande refusée ou close."}
            />
          )}
        </>
      )}
      <p className={fr.cx("fr-mt-4w")}>
        <Link to="/espace" className={fr.cx("fr-link")}>
          Aller à mon espace
        </Link>
      </p>
    </PageContainer>
  );
}
