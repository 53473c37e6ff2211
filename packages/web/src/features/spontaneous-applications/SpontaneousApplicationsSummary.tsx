import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { spaceSummary, spontaneousCounts } from "./spontaneous-view.js";
import { useSpontaneousApplications } from "./use-spontaneous-applications.js";

/**
 * In a recruiter's space, once some arrived: how many spontaneous applications, how many new, and
 * the way to them. Nothing while there are none (most companies never receive one).
 */
export function SpontaneousApplicationsSummary() {
  const list = useSpontaneousApplications();
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <section aria-labelledby="titre-candidatures-spontanees" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-candidatures-spontanees">Candidatures spontanées</h2>
      <p>{spaceSummary(spontaneousCounts(list.data.items))}</p>
      <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/espace/candidatures-spontanees">
        Voir les candidatures spontanées
      </Link>
    </section>
  );
}
