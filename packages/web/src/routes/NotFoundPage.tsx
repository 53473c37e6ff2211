import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { usePageTitle } from "../layout/use-page-title.js";

/** Any address the app does not know. The server answers 200 with index.html, so the words matter. */
export function NotFoundPage() {
  usePageTitle("Page non trouvée");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w", "fr-py-md-12w")}>
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <h1>Page non trouvée</h1>
          <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>Erreur 404</p>
          <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>
            La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
          </p>
          <p className={fr.cx("fr-mb-5w")}>
            Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte : la page n'est peut-être
            plus disponible. Dans ce cas, pour continuer votre visite, vous pouvez repartir de la page d'accueil.
          </p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Link className={fr.cx("fr-btn")} to="/">
                Page d'accueil
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
