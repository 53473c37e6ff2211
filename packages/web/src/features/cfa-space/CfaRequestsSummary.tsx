import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { isWaiting, waitingSummary } from "./inbox-view.js";
import { useCfaInbox } from "./use-cfa-inbox.js";

/** In a CFA's space: how many companies wait for an answer, and the way to the requests. */
export function CfaRequestsSummary() {
  const inbox = useCfaInbox();
  const waiting = inbox.data?.items.filter(isWaiting).length;
  return (
    <section aria-labelledby="titre-demandes-entreprises" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-demandes-entreprises">Demandes des entreprises</h2>
      <p>
        {waiting === undefined
          ? "Les entreprises proches qui recrutent dans vos métiers peuvent vous faire connaître leur besoin."
          : waitingSummary(waiting)}
      </p>
      <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/espace/cfa/demandes">
        Voir les demandes
      </Link>
    </section>
  );
}
