import { Link } from "react-router";
import { InformationPage } from "./InformationPage.js";
import { OperatorValue } from "./OperatorValue.js";
import { useOperator } from "./use-operator.js";

export function LegalNoticePage() {
  const operator = useOperator();
  return (
    <InformationPage title="Mentions légales" updated="5 décembre 2026">
      <h2>Éditeur</h2>
      <p>
        Tremplin est édité par <OperatorValue value={operator.name} />.
        <br />
        Adresse : <OperatorValue value={operator.address} />
        <br />
        Immatriculation : <OperatorValue value={operator.registration} />
        <br />
        Contact : <OperatorValue value={operator.contactEmail} /> ou le <Link to="/contact">formulaire de contact</Link>
        .
      </p>

      <h2>Directeur ou directrice de la publication</h2>
      <p>
        <OperatorValue value={operator.publicationDirector} />
      </p>

      <h2>Hébergement</h2>
      <p>
        <OperatorValue value={operator.hostName} />
        {operator.hostAddress && (
          <>
            <br />
            <OperatorValue value={operator.hostAddress} />
          </>
        )}
      </p>

      <h2>Ce que fait Tremplin</h2>
      <p>
        Tremplin est un service gratuit qui rapproche les entreprises qui recrutent en alternance, les centres de
        formation d'apprentis (CFA) et les jeunes qui cherchent un contrat d'apprentissage ou de professionnalisation.
        Les offres sont publiées sous la responsabilité des entreprises et des organismes qui les déposent. Les comptes
        des entreprises sont certifiés par leur opérateur de compétences (OPCO).
      </p>
      <p>
        La liste des « entreprises susceptibles de recruter » est calculée à partir de données publiques (répertoire
        Sirene de l'Insee, historiques d'embauches en alternance). Une entreprise peut demander à en sortir ou à y
        entrer depuis la page <Link to="/entreprises/dereferencement">Retirer mon entreprise de la liste</Link>.
      </p>

      <h2>Signaler un contenu</h2>
      <p>
        Une offre vous semble fausse, trompeuse ou illégale ? Utilisez le bouton « Signaler cette offre » sur sa page,
        ou écrivez-nous par le <Link to="/contact">formulaire de contact</Link>. Nous l'examinons et la retirons si
        besoin.
      </p>

      <h2>Réutilisation des contenus</h2>
      <p>
        Les textes de Tremplin peuvent être réutilisés en citant la source. Les offres sont diffusées aux partenaires
        par <Link to="/api-partenaires">l'API de Tremplin</Link>. Les données de référence viennent de sources ouvertes
        : le répertoire des métiers ROME de France Travail, le Code officiel géographique et la base Sirene de l'Insee,
        sous licence ouverte (Etalab 2.0).
      </p>
      <p>
        La marque de l'État, la Marianne et le Système de design de l'État (DSFR) sont réservés aux services publics de
        l'État ; leur usage est encadré par les conditions d'utilisation du DSFR.
      </p>

      <h2>Données personnelles et accessibilité</h2>
      <p>
        Ce que Tremplin fait de vos données et comment exercer vos droits est expliqué sur la page{" "}
        <Link to="/donnees-personnelles">Données personnelles</Link>. Le niveau d'accessibilité du service est décrit
        dans la <Link to="/accessibilite">déclaration d'accessibilité</Link>.
      </p>
    </InformationPage>
  );
}
