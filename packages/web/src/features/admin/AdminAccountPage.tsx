import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useQueryClient } from "@tanstack/react-query";
import { type AccountCard, contracts, displayName, nextAccountStatus } from "@tremplin/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AccountCardView } from "../account-review/AccountCardView.js";
import { ReasonDialog } from "../account-review/ReasonDialog.js";
import { accountCardKey, useAccountCard, useCardAction } from "../account-review/use-account-card.js";
import { AssignOpco } from "./AssignOpco.js";

const rejectModal = createModal({ id: "admin-refuser-compte", isOpenedByDefault: false });
const disableModal = createModal({ id: "admin-desactiver-compte", isOpenedByDefault: false });
const enableModal = createModal({ id: "admin-reactiver-compte", isOpenedByDefault: false });
const certifyModal = createModal({ id: "admin-certifier-compte", isOpenedByDefault: false });

type ReasonAction = "reject" | "disable" | "enable";
const reasonContracts = {
  reject: contracts.accounts.rejectAccount,
  disable: contracts.accounts.disableAccount,
  enable: contracts.accounts.enableAccount,
} as const;
const doneMessages: Record<ReasonAction | "certify", string> = {
  certify: "Le compte est certifié.",
  reject: "Le compte est refusé ; l'entreprise en est informée.",
  disable: "Le compte est désactivé : ses offres ne sont plus visibles.",
  enable: "Le compte est réactivé.",
};

function AdminAccount({ id }: { id: string }) {
  const card = useAccountCard("admin", id);
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const certify = useCardAction("admin", id, () => callApi(contracts.accounts.certifyAccount, { params: { id } }));
  // A certification given by mistake can be taken back at once.
  const uncertify = useCardAction("admin", id, () => callApi(contracts.accounts.uncertifyAccount, { params: { id } }));
  const [justCertified, setJustCertified] = useState(false);
  const withReason = useCardAction("admin", id, ({ action, reason }: { action: ReasonAction; reason: string }) =>
    callApi(reasonContracts[action], { params: { id }, body: { reason } }),
  );
  usePageTitle(card.data ? displayName(card.data.companyName) : "Fiche du compte");

  if (card.isPending) return <Loading text="Chargement de la fiche…" />;
  if (card.isError) return <ApiErrorAlert error={card.error} title="La fiche n'a pas pu être chargée" />;
  const account = card.data;
  const can = (action: "certify" | ReasonAction) => nextAccountStatus(account.status, action) !== null;
  const reasonDone = (action: ReasonAction) => (reason: string) =>
    withReason.mutateAsync({ action, reason }).then(() => setDone(doneMessages[action]));

  return (
    <>
      <h1>{displayName(account.companyName)}</h1>
      {done && <Alert severity="success" small description={done} className={fr.cx("fr-mb-3w")} role="status" />}
      {justCertified && account.status === "certified" && (
        <p>
          <Button
            priority="secondary"
            size="small"
            iconId="fr-icon-arrow-go-back-line"
            disabled={uncertify.isPending}
            onClick={() =>
              uncertify.mutate(undefined, {
                onSuccess: () => {
                  setJustCertified(false);
                  setDone("La certification est annulée : le compte est de nouveau actif, sans la mention.");
                },
              })
            }
          >
            Annuler la certification
          </Button>
        </p>
      )}
      {certify.isError && <ApiErrorAlert error={certify.error} className={fr.cx("fr-mb-3w")} />}
      {uncertify.isError && <ApiErrorAlert error={uncertify.error} className={fr.cx("fr-mb-3w")} />}
      <AccountCardView card={account} />
      <section aria-labelledby="titre-attribuer" className={fr.cx("fr-mt-4w")}>
        <h2 id="titre-attribuer" className={fr.cx("fr-h5")}>
          {account.opco ? "Changer d'OPCO" : "Attribuer un OPCO"}
        </h2>
        <AssignOpco
          accountId={account.id}
          companyName={account.companyName}
          currentOpcoId={account.opco?.id ?? null}
          onAssigned={(updated: AccountCard) => queryClient.setQueryData(accountCardKey("admin", id), updated)}
        />
      </section>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-4w")}>
        {can("certify") && (
          <li>
            <Button disabled={certify.isPending} nativeButtonProps={certifyModal.buttonProps}>
              Certifier
            </Button>
          </li>
        )}
        {can("reject") && (
          <li>
            <Button priority="secondary" nativeButtonProps={rejectModal.buttonProps}>
              Refuser
            </Button>
          </li>
        )}
        {can("enable") && (
          <li>
            <Button priority="secondary" nativeButtonProps={enableModal.buttonProps}>
              Réactiver
            </Button>
          </li>
        )}
        {can("disable") && (
          <li>
            <Button priority="tertiary" nativeButtonProps={disableModal.buttonProps}>
              Désactiver
            </Button>
          </li>
        )}
      </ul>
      <certifyModal.Component
        title="Certifier ce compte ?"
        buttons={[
          { children: "Ne rien changer", priority: "secondary" },
          {
            children: "Oui, certifier",
            onClick: () =>
              certify.mutate(undefined, {
                onSuccess: () => {
                  setJustCertified(true);
                  setDone(doneMessages.certify);
                },
              }),
          },
        ]}
      >
        <p>
          Ses offres porteront la mention « Certifiée par l'OPCO » et l'entreprise en est informée par e-mail. Vous
          pourrez annuler juste après.
        </p>
      </certifyModal.Component>
      <ReasonDialog
        modal={rejectModal}
        title="Refuser ce compte"
        intro="Les offres de l'entreprise ne seront plus visibles. Le motif lui est envoyé par e-mail."
        label="Motif du refus"
        hint="Clair et courtois : l'entreprise le lira."
        confirmLabel="Refuser le compte"
        required
        onConfirm={reasonDone("reject")}
      />
      <ReasonDialog
        modal={disableModal}
        title="Désactiver ce compte"
        intro="Les offres de ce compte ne seront plus visibles des candidats. Le motif reste dans l'historique."
        label="Motif de la désactivation"
        hint="Par exemple : offres frauduleuses signalées."
        confirmLabel="Désactiver le compte"
        required
        onConfirm={reasonDone("disable")}
      />
      <ReasonDialog
        modal={enableModal}
        title="Réactiver ce compte"
        intro="Le compte redevient actif et ses offres peuvent être publiées. Le motif reste dans l'historique."
        label="Motif de la réactivation"
        hint="Par exemple : erreur de refus, vérification faite par téléphone."
        confirmLabel="Réactiver le compte"
        required
        onConfirm={reasonDone("enable")}
      />
    </>
  );
}

/** /admin/comptes/:id: an account's card with every administrative action. */
export function AdminAccountPage() {
  const { id = "" } = useParams();
  return (
    <RequireRole roles={["admin"]}>
      <PageContainer>
        <nav className={fr.cx("fr-mb-2w")} aria-label="Retour">
          <Link to="/admin" className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")}>
            Administration
          </Link>
        </nav>
        <AdminAccount id={id} />
      </PageContainer>
    </RequireRole>
  );
}
