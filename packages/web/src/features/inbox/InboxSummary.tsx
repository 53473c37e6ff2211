import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { Link } from "react-router";
import { callApi } from "../../api/client.js";
import { countsSummary } from "../applications-received/application-view.js";

/** In the space: how many applications arrived (offers and spontaneous), how many new, and the inbox. */
export function InboxSummary() {
  const counts = useQuery({
    queryKey: ["inbox", "summary"],
    queryFn: ({ signal }) =>
      callApi(contracts.applicationLifecycle.listReceivedApplications, { query: { limit: 1 }, signal }),
  });
  return (
    <section aria-labelledby="titre-candidatures-recues" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-candidatures-recues">Candidatures reçues</h2>
      {counts.data && <p>{countsSummary(counts.data.counts)}</p>}
      <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/espace/candidatures">
        Voir les candidatures reçues
      </Link>
    </section>
  );
}
