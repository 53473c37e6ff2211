import { Link } from "react-router";
import { InformationPage } from "./InformationPage.js";

const sections = [
  {
    title: "Trouver une alternance",
    links: [
      { to: "/", text: "Accueil" },
      { to: "/recherche", text: "Chercher une offre, une entreprise ou une formation" },
      { to: "/mes-candidatures", text: "Mes candidatures" },
      { to: "/mes-alertes", text: "Mes alertes" },
      { to: "/barometre", text: "Baromètre de l'alternance" },
    ],
  },
  {
    title: "Recruter",
    links: [
      { to: "/inscription", text: "Créer un compte entreprise" },
      { to: "/inscription/cfa", text: "Créer un compte CFA" },
      { to: "/connexion", text: "Se connecter" },
      { to: "/espace", text: "Mon espace" },
      { to: "/espace/candidatures", text: "Candidatures reçues" },
      { to: "/entreprises/referencement", text: "Ajouter mon entreprise à la liste des entreprises qui recrutent" },
      { to: "/entreprises/dereferencement", text: "Retirer mon entreprise de cette liste" },
    ],
  },
  {
    title: "Partenaires",
    links: [
      { to: "/api-partenaires", text: "Intégrer l'API" },
      { to: "/api-partenaires/reference", text: "Référence de l'API" },
    ],
  },
  {
    title: "À propos",
    links: [
      { to: "/contact", text: "Contact" },
      { to: "/mentions-legales", text: "Mentions légales" },
      { to: "/donnees-personnelles", text: "Données personnelles" },
      { to: "/accessibilite", text: "Accessibilité" },
    ],
  },
];

/** Every public page, one click away: the second way to find a page, after the menu (RGAA 12.1). */
export function SiteMapPage() {
  return (
    <InformationPage title="Plan du site">
      {sections.map((section) => (
        <section key={section.title}>
          <h2>{section.title}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{link.text}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </InformationPage>
  );
}
