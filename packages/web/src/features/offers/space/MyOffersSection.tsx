import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import type { OwnerOffer } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { CloseOfferDialog, closeOfferModal, type OfferToClose } from "../../inbox/CloseOfferDialog.js";
import { OfferSummary } from "./OfferSummary.js";
import { actionDoneMessage, confirmations } from "./offer-actions.js";
import { type OfferAction, useMyOffers, useOfferAction } from "./use-my-offers.js";
import "../offers.css";

// One dialog for the page (the DSFR drives it by id); what it asks depends on the pending action.
const confirmModal = createModal({ id: "confirmer-action-offre", isOpenedByDefault: false });

/** « Mes offres »: the list, the actions (destructive ones confirmed first), and what happened. */
export function MyOffersSection({ showCompany }: { showCompany: boolean }) {
  const offers = useMyOffers();
  const run = useOfferAction();
  const [pending, setPending] = useState<{ action: OfferAction; offer: OwnerOffer }>();
  const [done, setDone] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);

  function perform(action: OfferAction, offer: OwnerOffer) {
    setDone(undefined);
    run.mutate(
      { action, offer },
      { onSuccess: (updated) => setDone(actionDoneMessage(action, offer.title, updated.expiresAt)) },
    );
  }

  const [toClose, setToClose] = useState<OfferToClose>();

  function request(action: OfferAction, offer: OwnerOffer) {
    // Closing asks why (hired through Tremplin — whom —, elsewhere, no longer needed): ADR 011.
    if (action === "fill") {
      setDone(undefined);
      setToClose({ id: offer.id, title: offer.title });
      closeOfferModal.open();
    } else if (confirmations[action]) {
      setPending({ action, offer });
      confirmModal.open();
    } else perform(action, offer);
  }

  // The outcome replaces the button that was pressed: say it, where focus can read it.
  useEffect(() => {
    if (done || run.isError) outcomeRef.current?.focus();
  }, [done, run.isError]);

  const confirmation = pending ? confirmations[pending.action] : undefined;

  return (
    <section aria-labelledby="titre-mes-offres" className={fr.cx("fr-mt-6w")}>
      <div className="app-section-head">
        <h2 id="titre-mes-offres">Mes offres</h2>
        <Link className={fr.cx("fr-btn", "fr-icon-add-line", "fr-btn--icon-left")} to="/espace/offres/nouvelle">
          Déposer une offre
        </Link>
      </div>
      <div ref={outcomeRef} tabIndex={-1}>
        {done && <Alert severity="success" small description={done} className={fr.cx("fr-mb-3w")} />}
        {run.isError && (
          <ApiErrorAlert error={run.error} title="L'action n'a pas pu être faite" className={fr.cx("fr-mb-3w")} />
        )}
      </div>
      {offers.isPending && <Loading text="Chargement de vos offres…" />}
      {offers.isError && <ApiErrorAlert error={offers.error} title="Vos offres n'ont pas pu être chargées" />}
      {offers.data?.items.length === 0 && (
        <p>Vous n'avez pas encore d'offre. Déposez-en une : le métier et la date de début suffisent.</p>
      )}
      {offers.data && offers.data.items.length > 0 && (
        <ul className="app-offer-list">
          {offers.data.items.map((offer) => (
            <OfferSummary
              key={offer.id}
              offer={offer}
              onAction={request}
              busy={run.isPending}
              showCompany={showCompany}
            />
          ))}
        </ul>
      )}
      <CloseOfferDialog offer={toClose} onClosed={setDone} />
      <confirmModal.Component
        title={confirmation?.title ?? "Confirmer"}
        buttons={[
          { children: "Ne rien changer", priority: "secondary" },
          {
            children: confirmation?.confirm ?? "Confirmer",
            onClick: () => pending && perform(pending.action, pending.offer),
          },
        ]}
      >
        {pending && (
          <p>
            « {pending.offer.title} » : {confirmation?.text}
          </p>
        )}
      </confirmModal.Component>
    </section>
  );
}
