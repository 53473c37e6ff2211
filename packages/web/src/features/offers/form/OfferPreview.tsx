import { fr } from "@codegouvfr/react-dsfr";
import type { PublicOffer, RomeFiche } from "@tremplin/core";
import { OfferDetails } from "../OfferDetails.js";
import type { OfferFormValues } from "./offer-form-values.js";
import { type PreviewCompany, previewView } from "./preview-view.js";

interface OfferPreviewProps {
  values: OfferFormValues;
  fiche: RomeFiche | undefined;
  company: PreviewCompany;
  intermediary: PublicOffer["intermediary"];
  /** Two copies live on the page (beside the form on a wide screen, before the button on a phone). */
  id: string;
}

/** « Aperçu » : the offer as candidates will see it, updated as the form changes. */
export function OfferPreview({ values, fiche, company, intermediary, id }: OfferPreviewProps) {
  const titleId = `${id}-titre`;
  return (
    // Scrollable on a wide screen: reachable with the keyboard, named for screen readers.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll with the keyboard
    <section className="app-offer-preview" aria-labelledby={titleId} tabIndex={0}>
      <p id={titleId} className={fr.cx("fr-badge", "fr-badge--new", "fr-mb-2w")}>
        Aperçu : ce que verront les candidats
      </p>
      {values.job ? (
        <OfferDetails offer={previewView(values, fiche, company, intermediary)} headingLevel="h2" />
      ) : (
        <p className={fr.cx("fr-text--sm")}>
          Choisissez un métier : le texte de l'offre est rédigé pour vous à partir de la fiche métier, et s'affiche ici.
        </p>
      )}
    </section>
  );
}
