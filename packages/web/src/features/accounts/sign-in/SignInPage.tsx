import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Link, useSearchParams } from "react-router";
import { displayName, roleHomes, safeReturnPath } from "../../../auth/roles.js";
import { useMe } from "../../../auth/use-me.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { RequestLinkForm } from "./RequestLinkForm.js";

/**
 * /connexion: passwordless sign-in, by a link sent to the account's address. `?email=` fills the
 * address in (the API's links after an offer is taken over), `?retour=` is where to go afterwards.
 */
export function SignInPage() {
  usePageTitle("Se connecter");
  const [search] = useSearchParams();
  const returnPath = safeReturnPath(search.get("retour"));
  const signedOut = search.get("deconnecte") === "1";
  const me = useMe();

  return (
    <PageContainer narrow>
      <h1>Se connecter à Tremplin</h1>
      {signedOut && me.data === null && (
        <Alert severity="info" small description="Vous êtes déconnecté. À bientôt !" className={fr.cx("fr-mb-3w")} />
      )}
      {me.data ? (
        <>
          <p className={fr.cx("fr-text--lead")}>Vous êtes déjà connecté en tant que {displayName(me.data)}.</p>
          <Link className={fr.cx("fr-btn")} to={returnPath ?? roleHomes[me.data.role]}>
            {returnPath ? "Continuer" : "Aller à mon espace"}
          </Link>
        </>
      ) : (
        <>
          <p className={fr.cx("fr-text--lead")}>
            Pas de mot de passe à retenir : indiquez votre adresse e-mail, nous vous envoyons un lien qui vous connecte
            en un clic.
          </p>
          {returnPath && (
            <Alert
              severity="info"
              small
              description="Connectez-vous pour accéder à cette page : vous y reviendrez ensuite."
              className={fr.cx("fr-mb-3w")}
            />
          )}
          <RequestLinkForm redirectTo={returnPath} initialEmail={search.get("email") ?? ""} />
          <hr className={fr.cx("fr-mt-6w")} />
          <h2 className={fr.cx("fr-h5")}>Pas encore de compte ?</h2>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to="/inscription">
                Créer un compte entreprise
              </Link>
            </li>
            <li>
              <Link className={fr.cx("fr-btn", "fr-btn--tertiary")} to="/inscription/cfa">
                Créer un compte CFA
              </Link>
            </li>
          </ul>
        </>
      )}
    </PageContainer>
  );
}
