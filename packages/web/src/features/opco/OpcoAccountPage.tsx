import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useQueryClient } from "@tanstack/react-query";
import { contracts, displayName, nextAccountStatus, withPreposition } from "@tremplin/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../../api/client.js";
import { RequireRole } from "../../auth/RequireRole.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { AccountCardView } from "../account-review/AccountCardView.js";
import { ReasonDialog } from "../account-review/ReasonDialog.js";
import { useAccountCard, useCardAction } from "../account-review/use-account-card.js";

const rejectModal = createModal({ id: "refuser-compte", isOpenedByDefault: false });
const notOursModal = createModal({ id: "pas-notre-opco", isOpenedByDefault: false });
const certifyModal = createModal({ id: "certifier-compte", isOpenedByDefault: false });

function OpcoAccount({ id }: { id: string }) {
  const card = useAccountCard("opco", id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const certify = useCardAction("opco", id, () => callApi(contracts.accounts.certifyAccount, { params: { id } }));
  // A certification given by mistake can be taken back at once (« Annuler la certification »).
  const uncertify = useCardAction("opco", id, () => callApi(contracts.accounts.uncertifyAccount, { params: { id } }));
  const [justCertified, setJustCertified] = useState(false);
  const reject = useCardAction("opco", id, (reason: string) =>
    callApi(contracts.accounts.rejectAccount, { params: { id }, body: { reason } }),
  );
  usePageTitle(card.data ? displayName(card.data.companyName) : "Fiche entreprise");

  if (card.isPending) return <Loading text="Chargement de la fiche…" />;
  if (card.isError) return <ApiErrorAlert error={card.error} title="La fiche n'a pas pu être chargée" />;
  const account = card.data;
  const canCertify = nextAccountStatus(account.status, "certify") !== null;
  const canReject = nextAccountStatus(account.status, "reject") !== null;

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
                  setDone(
                    `La certification ${withPreposition("de", displayName(account.companyName))} est annulée : le compte est de nouveau « à certifier ».`,
                  );
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
      {/* DSFR draws an icon button inside a group as icon-only unless the group says where icons go. */}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left", "fr-mt-4w")}>
        {canCertify && (
          <li>
            <Button
              iconId="fr-icon-checkbox-circle-line"
              disabled={certify.isPending}
              nativeButtonProps={certifyModal.buttonProps}
            >
              Certifier
            </Button>
          </li>
        )}
        {canReject && (
          <li>
            <Button priority="secondary" nativeButtonProps={rejectModal.buttonProps}>
              Refuser
            </Button>
          </li>
        )}
        <li>
          <Button priority="tertiary" nativeButtonProps={notOursModal.buttonProps}>
            Pas notre OPCO
          </Button>
        </li>
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
                  setDone(
                    `${displayName(account.companyName)} est certifiée : ses offres portent désormais la mention « Certifiée par l'OPCO », et l'entreprise en est informée par e-mail.`,
                  );
                },
              }),
          },
        ]}
      >
        <p>
          Vous confirmez que {displayName(account.companyName)} relève de votre OPCO et que la personne inscrite la
          représente : ses offres porteront la mention « Certifiée par l'OPCO ».
        </p>
      </certifyModal.Component>
      <ReasonDialog
        modal={rejectModal}
        title="Refuser ce compte"
        intro="Les offres de l'entreprise ne seront plus visibles. Le motif lui est envoyé par e-mail : soyez clair et courtois."
        label="Motif du refus"
        hint="Par exemple : l'établissement ne relève pas d'une branche qui recrute des apprentis."
        confirmLabel="Refuser le compte"
        required
        onConfirm={(reason) =>
          reject
            .mutateAsync(reason)
            .then(() =>
              setDone(
                `Le compte ${withPreposition("de", displayName(account.companyName))} est refusé ; l'entreprise en est informée.`,
              ),
            )
        }
      />
      <ReasonDialog
        modal={notOursModal}
        title="Cette entreprise ne relève pas de votre OPCO ?"
        intro="Elle quitte votre liste et retourne à l'équipe Tremplin, qui lui attribuera le bon OPCO."
        label="Commentaire (facultatif)"
        hint="Par exemple : l'OPCO probable, ou la convention collective."
        confirmLabel="Renvoyer à l'équipe Tremplin"
        required={false}
        onConfirm={async (comment) => {
          await callApi(contracts.accounts.notOurOpco, { params: { id }, body: comment ? { comment } : {} });
          await queryClient.invalidateQueries({ queryKey: ["accounts"] });
          navigate("/opco", { state: { notice: `${account.companyName} a été renvoyée à l'équipe Tremplin.` } });
        }}
      />
    </>
  );
}

/** /opco/comptes/:id: a company's card, and the adviser's decision. */
export function OpcoAccountPage() {
  const { id = "" } = useParams();
  return (
    <RequireRole roles={["opco"]}>
      <PageContainer>
        <nav className={fr.cx("fr-mb-2w")} aria-label="Retour">
          <Link to="/opco" className={fr.cx("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")}>
            Toutes les entreprises
          </Link>
        </nav>
        <OpcoAccount id={id} />
      </PageContainer>
    </RequireRole>
  );
}
