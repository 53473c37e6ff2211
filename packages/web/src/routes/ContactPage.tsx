import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { PageContainer } from "../components/PageContainer.js";
import { ContactForm } from "../features/contact/ContactForm.js";
import { usePageTitle } from "../layout/use-page-title.js";

/** /contact: where the emails send people who need a human (a refused account…). */
export function ContactPage() {
  usePageTitle("Nous contacter");
  return (
    <PageContainer narrow>
      <h1>Nous contacter</h1>
      <p className={fr.cx("fr-text--lead")}>
        Une question sur votre compte, une offre, ou une décision de votre OPCO qui vous semble erronée ? L'équipe
        Tremplin vous répond.
      </p>
      <h2 className={fr.cx("fr-h5")}>Avant de nous écrire</h2>
      <ul>
        <li>
          Pour vous connecter, pas besoin de mot de passe : <Link to="/connexion">recevez un lien par e-mail</Link>.
        </li>
        <li>
          Pour prolonger, modifier ou retirer une offre, rendez-vous dans <Link to="/espace">votre espace</Link>.
        </li>
        <li>
          Votre compte a été refusé par votre OPCO : le motif figure dans l'e-mail que vous avez reçu. Vous pouvez aussi
          vous adresser directement à votre OPCO.
        </li>
      </ul>
      <ContactForm />
    </PageContainer>
  );
}
