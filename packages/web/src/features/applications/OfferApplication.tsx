import { fr } from "@codegouvfr/react-dsfr";
import type { PublicOffer } from "@tremplin/core";
import { ApplicationForm } from "./ApplicationForm.js";
import "./applications.css";

/**
 * « Postuler » under an offer (on /offres/:id). An offer that no longer takes applications has no
 * form: the page above already says it is over.
 */
export function OfferApplication({ offer }: { offer: PublicOffer }) {
  if (offer.status !== "active") return null;
  return (
    <section className="app-apply fr-mt-6w" aria-labelledby="titre-postuler">
      <h2 id="titre-postuler" className={fr.cx("fr-h3")}>
        Postuler
      </h2>
      <ApplicationForm
        target={{ offerId: offer.id }}
        recipientName={offer.company.name}
        intro={
          <p>
            Votre candidature est transmise par e-mail à {offer.company.name}. Votre adresse e-mail et votre téléphone
            ne sont donnés qu'à ce recruteur.
          </p>
        }
      />
    </section>
  );
}
