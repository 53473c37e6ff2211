import { Link } from "react-router";
import { StackedTable } from "../../components/StackedTable.js";
import { InformationPage } from "./InformationPage.js";
import { OperatorValue } from "./OperatorValue.js";
import { useOperator } from "./use-operator.js";

interface ProcessedData {
  what: string;
  who: string;
  why: string;
  kept: string;
}

/**
 * What the service actually keeps, and for how long. The durations are the ones the code applies
 * (CV_RETENTION_DAYS, applications:anonymise, SESSION_DAYS, MAGIC_LINK_MINUTES): change them here
 * when they change there.
 */
const processedData: ProcessedData[] = [
  {
    what: "CV joint à une candidature",
    who: "Candidats",
    why: "Le transmettre au recruteur qui a publié l'offre, ou à l'entreprise à qui vous écrivez.",
    kept: "Le fichier n'est jamais enregistré avec la candidature : il voyage dans l'e-mail envoyé au recruteur et il est effacé dès que cet e-mail est parti. S'il ne peut pas être remis, il est effacé au plus tard 7 jours après l'envoi de la candidature.",
  },
  {
    what: "Candidature : nom, prénom, adresse e-mail, téléphone, message, réponse du recruteur",
    who: "Candidats, recruteurs",
    why: "Mettre en relation le candidat et le recruteur, permettre au recruteur de répondre, vous envoyer une copie.",
    kept: "2 ans après l'envoi de la candidature, puis anonymisée : seuls restent l'offre ou l'entreprise visée, les dates et l'état de la candidature, pour des statistiques.",
  },
  {
    what: "Compte professionnel : nom, prénom, adresse e-mail, téléphone, établissement (SIRET)",
    who: "Recruteurs, CFA, chambres consulaires, conseillers OPCO",
    why: "Publier et gérer des offres, vérifier que l'entreprise existe et relève de son OPCO, vous écrire au sujet de vos offres.",
    kept: "Tant que le compte est utilisé. Vous pouvez demander sa suppression à tout moment (voir « Vos droits »).",
  },
  {
    what: "Coordonnées du contact d'une offre (nom, e-mail, téléphone)",
    who: "Recruteurs",
    why: "Recevoir les candidatures et les rappels avant la fin de l'offre. L'adresse e-mail du recruteur n'est jamais montrée aux candidats.",
    kept: "Tant que l'offre existe dans votre espace ; supprimées avec le compte.",
  },
  {
    what: "Lien de connexion envoyé par e-mail",
    who: "Toute personne qui se connecte",
    why: "Vous connecter sans mot de passe.",
    kept: "Valable 15 minutes et utilisable une seule fois.",
  },
  {
    what: "Session de connexion (cookie « tremplin_session » et navigateur utilisé)",
    who: "Personnes connectées",
    why: "Vous garder connecté et vous montrer vos sessions ouvertes.",
    kept: "30 jours au plus ; effacée dès que vous vous déconnectez.",
  },
  {
    what: "Messages envoyés par le formulaire de contact",
    who: "Toute personne qui nous écrit",
    why: "Vous répondre, traiter une demande de clé d'API.",
    kept: "Le temps de traiter votre demande, puis 1 an au plus.",
  },
  {
    what: "Signalement d'une offre ou d'une entreprise (votre adresse e-mail si vous la donnez, votre message)",
    who: "Toute personne qui signale",
    why: "Examiner le signalement et, si besoin, retirer l'offre.",
    kept: "2 ans, puis le message est effacé.",
  },
  {
    what: "Journaux techniques (adresse IP, page demandée, date, code de réponse)",
    who: "Tous les visiteurs",
    why: "Faire fonctionner le service, limiter les abus (nombre de demandes par minute), comprendre une panne.",
    kept: "Les compteurs de limitation sont en mémoire et oubliés au bout d'une minute ; les journaux sont conservés 6 mois au plus par l'hébergeur.",
  },
];

export function PersonalDataPage() {
  const operator = useOperator();
  return (
    <InformationPage title="Données personnelles" updated="5 décembre 2026">
      <p>
        Tremplin aide les jeunes à trouver un contrat en alternance et les entreprises à recruter leur alternant. Pour
        cela, le service traite quelques données personnelles. Cette page dit lesquelles, pourquoi, combien de temps
        elles sont gardées et comment exercer vos droits.
      </p>

      <h2>Qui est responsable de vos données ?</h2>
      <p>
        Le responsable du traitement est <OperatorValue value={operator.name} />,{" "}
        <OperatorValue value={operator.address} />.
      </p>
      <p>
        Pour toute question sur vos données, écrivez à <OperatorValue value={operator.dataProtectionContact} /> ou
        utilisez le <Link to="/contact">formulaire de contact</Link>.
      </p>

      <h2>Ce que nous n'utilisons pas</h2>
      <ul>
        <li>Aucun cookie publicitaire ni de mesure d'audience : le seul cookie est celui de la connexion.</li>
        <li>Vos données ne sont ni vendues, ni utilisées pour de la publicité.</li>
        <li>
          Aucune décision vous concernant n'est prise automatiquement : c'est le recruteur qui lit votre candidature et
          décide.
        </li>
      </ul>

      <h2>Les données traitées, pourquoi et pendant combien de temps</h2>
      <StackedTable
        hideCaption
        caption="Données traitées par Tremplin"
        head={["Donnée", "Personnes concernées", "Pour quoi faire", "Durée de conservation"]}
      >
        {processedData.map((row) => (
          <tr key={row.what}>
            <th scope="row">{row.what}</th>
            <td data-label="Personnes concernées">{row.who}</td>
            <td data-label="Pour quoi faire">{row.why}</td>
            <td data-label="Durée de conservation">{row.kept}</td>
          </tr>
        ))}
      </StackedTable>

      <h2>Sur quelle base légale ?</h2>
      <ul>
        <li>
          <strong>Candidatures et CV</strong> : votre consentement, donné en envoyant la candidature (article 6-1-a du
          RGPD). Vous pouvez le retirer en nous écrivant : nous supprimons alors votre candidature.
        </li>
        <li>
          <strong>Comptes, offres, signalements, messages de contact</strong> : l'exécution d'une mission d'intérêt
          public, le développement de l'apprentissage (article 6-1-e du RGPD).
        </li>
        <li>
          <strong>Sessions et journaux techniques</strong> : l'intérêt légitime à faire fonctionner le service de façon
          sûre (article 6-1-f du RGPD).
        </li>
      </ul>

      <h2>Qui reçoit vos données ?</h2>
      <ul>
        <li>
          Votre candidature et votre CV : seulement le recruteur de l'offre ou l'entreprise à qui vous écrivez. Tremplin
          n'en garde pas de copie du CV.
        </li>
        <li>
          Les informations de votre compte professionnel : l'équipe de Tremplin et le conseiller de l'OPCO dont relève
          votre entreprise, qui certifie le compte.
        </li>
        <li>
          Les offres publiées (sans l'adresse e-mail du recruteur) : les candidats et les sites partenaires de
          l'alternance qui les diffusent.
        </li>
        <li>
          Nos sous-traitants techniques : l'hébergeur, <OperatorValue value={operator.hostName} />
          {operator.hostAddress && (
            <>
              {" "}
              (<OperatorValue value={operator.hostAddress} />)
            </>
          )}
          , et le service d'envoi des e-mails.
        </li>
      </ul>

      <h2>Vos droits</h2>
      <p>Vous pouvez à tout moment :</p>
      <ul>
        <li>savoir quelles données nous avons sur vous et en recevoir une copie (droit d'accès) ;</li>
        <li>les faire corriger (droit de rectification) ;</li>
        <li>les faire effacer (droit à l'effacement) ;</li>
        <li>vous opposer à leur utilisation ou en demander la limitation ;</li>
        <li>les recevoir dans un format réutilisable (droit à la portabilité) ;</li>
        <li>retirer votre consentement pour une candidature.</li>
      </ul>
      <h3>Comment faire ?</h3>
      <p>
        Écrivez-nous par le <Link to="/contact">formulaire de contact</Link> ou à{" "}
        <OperatorValue value={operator.dataProtectionContact} />, en donnant l'adresse e-mail que vous avez utilisée sur
        Tremplin. Nous répondons dans un délai d'un mois. Nous pouvons vous demander de confirmer que cette adresse est
        bien la vôtre, en répondant à un e-mail.
      </p>
      <p>
        Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission
        nationale de l'informatique et des libertés), sur{" "}
        <a href="https://www.cnil.fr/fr/plaintes" target="_blank" rel="noreferrer" title="cnil.fr - nouvelle fenêtre">
          cnil.fr
        </a>{" "}
        ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
      </p>

      <h2>Sécurité</h2>
      <p>
        Les échanges avec Tremplin sont chiffrés (HTTPS). La connexion se fait par un lien à usage unique envoyé par
        e-mail : il n'y a pas de mot de passe à voler. Les CV sont vérifiés (PDF ou Word sans macro, 3 Mo au plus) avant
        d'être transmis.
      </p>
    </InformationPage>
  );
}
