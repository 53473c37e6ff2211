import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { openRequestsSummary } from "./listing-view.js";
import { useOpenListingRequests } from "./use-open-listing-requests.js";

/**
 * In the OPCO space, above the accounts (a long list on a phone): how many companies ask to be
 * listed, and the way to their requests.
 */
export function OpcoListingSummary() {
  const open = useOpenListingRequests();
  return (
    <div className={fr.cx("fr-callout", "fr-mb-4w")}>
      <p className={fr.cx("fr-callout__text", "fr-mb-2w")}>
        {open.data
          ? openRequestsSummary(open.data.items.length)
          : "Des entreprises de votre OPCO demandent à figurer parmi les entreprises susceptibles de recruter."}
      </p>
      <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--sm")} to="/opco/referencements">
        Voir les demandes de référencement
      </Link>
    </div>
  );
}
