import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { openRequestsSummary } from "./listing-view.js";
import { useOpenListingRequests } from "./use-open-listing-requests.js";

/** In the OPCO space: how many companies ask to be listed, and the way to their requests. */
export function OpcoListingSummary() {
  const open = useOpenListingRequests();
  return (
    <section aria-labelledby="titre-referencements" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-referencements">Demandes de référencement</h2>
      <p>
        {open.data
          ? openRequestsSummary(open.data.items.length)
          : "Des entreprises de votre OPCO demandent à figurer parmi les entreprises susceptibles de recruter."}
      </p>
      <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/opco/referencements">
        Voir les demandes de référencement
      </Link>
    </section>
  );
}
