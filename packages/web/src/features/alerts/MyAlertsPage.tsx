import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { signInPathFor } from "../../auth/roles.js";
import { useMe } from "../../auth/use-me.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { MyAlerts } from "./MyAlerts.js";

/** /mes-alertes: the candidate's alerts (sign-in by link with the address the alerts go to). */
export function MyAlertsPage() {
  usePageTitle("Mes alertes");
  const me = useMe();
  return (
    <PageContainer narrow>
      <h1>Mes alertes</h1>
      {me.isPending ? (
        <Loading />
      ) : me.data?.role === "candidate" ? (
        <MyAlerts />
      ) : (
        <>
          <p>Connectez-vous avec l'adresse e-mail de vos alertes : un lien de connexion vous sera envoyé.</p>
          <Link className={fr.cx("fr-btn")} to={signInPathFor("/mes-alertes")}>
            Me connecter
          </Link>
        </>
      )}
    </PageContainer>
  );
}
