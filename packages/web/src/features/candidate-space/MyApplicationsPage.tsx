import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type SentApplication } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { signInPathFor } from "../../auth/roles.js";
import { useMe } from "../../auth/use-me.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { EraseMyData } from "./EraseMyData.js";
import { SentApplicationCard } from "./SentApplicationCard.js";
import { sentSummary, sentTitle } from "./sent-application-view.js";
import "../cfa-matching/cards.css";

const sentKey = ["sent-applications"] as const;
const lifecycle = contracts.applicationLifecycle;
// One dialog for the page (the DSFR drives it by id): the application to withdraw is in state.
const withdrawModal = createModal({ id: "confirmer-retrait", isOpenedByDefault: false });

function SentApplications() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: sentKey,
    queryFn: ({ signal }) => callApi(lifecycle.listSentApplications, { signal }),
  });
  const [pending, setPending] = useState<SentApplication>();
  const [done, setDone] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const act = useMutation({
    mutationFn: ({ action, id }: { action: "withdraw" | "contract"; id: string }) =>
      callApi(action === "withdraw" ? lifecycle.withdrawSentApplication : lifecycle.declareContractSigned, {
        params: { id },
      }),
    onSuccess: (updated, { action }) => {
      setDone(
        action === "withdraw"
          ? `Votre candidature « ${sentTitle(updated)} » est retirée : le recruteur en est informé.`
          : `C'est noté : vous avez signé un contrat (« ${sentTitle(updated)} »). Félicitations !`,
      );
      void queryClient.invalidateQueries({ queryKey: sentKey });
    },
  });
  useEffect(() => {
    if (done || act.isError) outcomeRef.current?.focus();
  }, [done, act.isError]);

  if (list.isPending) return <Loading text="Chargement de vos candidatures…" />;
  if (list.isError) return <ApiErrorAlert error={list.error} title="Vos candidatures n'ont pas pu être chargées" />;
  const { items } = list.data;
  return (
    <>
      <p role="status">{sentSummary(items)}</p>
      <div ref={outcomeRef} tabIndex={-1}>
        {done && <Alert severity="success" small description={done} className={fr.cx("fr-mb-2w")} />}
        {act.isError && <ApiErrorAlert error={act.error} className={fr.cx("fr-mb-2w")} />}
      </div>
      {items.length === 0 ? (
        <p>
          <Link to="/recherche">Trouver une offre d'alternance</Link>
        </p>
      ) : (
        <ul className="app-plain-list">
          {items.map((application) => (
            <SentApplicationCard
              key={application.id}
              application={application}
              busy={act.isPending}
              onWithdraw={(a) => {
                setPending(a);
                withdrawModal.open();
              }}
              onContractSigned={(a) => {
                setDone(undefined);
                act.mutate({ action: "contract", id: a.id });
              }}
            />
          ))}
        </ul>
      )}
      <withdrawModal.Component
        title="Retirer cette candidature ?"
        buttons={[
          { children: "Ne rien changer", priority: "secondary" },
          {
            children: "Oui, retirer ma candidature",
            onClick: () => {
              if (!pending) return;
              setDone(undefined);
              act.mutate({ action: "withdraw", id: pending.id });
            },
          },
        ]}
      >
        {pending && (
          <p>
            « {sentTitle(pending)} » : le recruteur est prévenu que vous n'êtes plus candidat. Vous ne pourrez pas
            annuler ce retrait.
          </p>
        )}
      </withdrawModal.Component>
    </>
  );
}

/**
 * /mes-candidatures: the candidate's space (ADR 011), where the emails lead. A visitor is told how to
 * sign in (with the address they applied with); other roles are shown their own space.
 */
export function MyApplicationsPage() {
  usePageTitle("Mes candidatures");
  const me = useMe();
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <PageContainer narrow>
        <h1>Vos données sont supprimées</h1>
        <Alert
          severity="success"
          small
          description="Vos candidatures sont anonymisées, vos CV et vos alertes effacés, et vous êtes déconnecté."
          className={fr.cx("fr-mb-3w")}
        />
        <Link to="/">Retour à l'accueil</Link>
      </PageContainer>
    );
  }
  if (me.data === null) {
    return (
      <PageContainer narrow>
        <h1>Mes candidatures</h1>
        <p className={fr.cx("fr-text--lead")}>
          Suivez vos candidatures et les réponses des recruteurs : connectez-vous avec l'adresse e-mail utilisée pour
          postuler, un lien de connexion vous sera envoyé.
        </p>
        <Link className={fr.cx("fr-btn")} to={signInPathFor("/mes-candidatures")}>
          Me connecter
        </Link>
      </PageContainer>
    );
  }
  return (
    <RequireRole roles={["candidate"]}>
      <PageContainer narrow>
        <h1>Mes candidatures</h1>
        <p>
          <Link className={fr.cx("fr-link", "fr-icon-notification-3-line", "fr-link--icon-left")} to="/mes-alertes">
            Mes alertes
          </Link>
        </p>
        <SentApplications />
        <EraseMyData onErased={() => setErased(true)} />
      </PageContainer>
    </RequireRole>
  );
}
