import { fr } from "@codegouvfr/react-dsfr";
import { formatFrenchDate } from "@tremplin/core";
import type { AdminCompany } from "./company-edit.js";
import { historyLine } from "./history-view.js";

/** Who changed what on this company, newest first as the API gives it. */
export function CompanyHistory({ history }: { history: AdminCompany["history"] }) {
  return (
    <section aria-labelledby="titre-historique">
      <h2 id="titre-historique">Historique</h2>
      {history.length === 0 ? (
        <p>Aucune modification depuis que l'algorithme l'a exposée.</p>
      ) : (
        <ul>
          {history.map((event) => (
            <li key={`${event.at}-${event.action}`} className={fr.cx("fr-text--sm", "fr-mb-1w")}>
              {formatFrenchDate(event.at)} · {historyLine(event)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
