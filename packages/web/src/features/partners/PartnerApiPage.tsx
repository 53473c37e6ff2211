import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { PageContainer } from "../../components/PageContainer.js";
import { StackedTable } from "../../components/StackedTable.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { CodeBlock } from "./CodeBlock.js";
import {
  curlExamples,
  errorExample,
  webhookCreationExample,
  webhookPayloadExample,
  webhookVerificationExample,
} from "./partner-examples.js";

const scopes: Array<[string, string]> = [
  ["offers:read", "lire et synchroniser les offres, l'export, les webhooks"],
  ["offers:write", "déposer des offres pour le compte d'entreprises, les mettre à jour et les fermer"],
  ["applications:write", "transmettre des candidatures : le nom de votre plateforme est enregistré avec chacune"],
];

/** Served by the API server itself: real page loads, not pages of this app. */
function ServerLink({ href, children }: { href: string; children: string }) {
  return (
    <a className={fr.cx("fr-link")} href={href}>
      {children}
    </a>
  );
}

/**
 * /api-partenaires « Intégrer l'API »: what partner platforms get and how, accurate to the server
 * (modules/diffusion, http/rate-limit.ts, the contracts): the OpenAPI document stays the reference.
 */
export function PartnerApiPage() {
  usePageTitle("Intégrer l'API");
  const base = window.location.origin;
  return (
    <PageContainer narrow>
      <h1>Intégrer l'API Tremplin</h1>
      <p className={fr.cx("fr-text--lead")}>
        Job boards, sites d'écoles, outils des CFA et des OPCO : diffusez les offres d'alternance de Tremplin,
        déposez-en pour vos entreprises et transmettez des candidatures.
      </p>

      <h2>Ce que donne l'API</h2>
      <ul>
        <li>
          <strong>Les offres</strong> : recherche publique par métier et lieu (sans clé), synchronisation des offres
          modifiées depuis une date, export complet, webhooks à chaque publication, modification ou fermeture.
        </li>
        <li>
          <strong>Les entreprises susceptibles de recruter</strong> repérées par l'algorithme, et les formations en
          apprentissage autour d'un lieu (sans clé).
        </li>
        <li>
          <strong>Le dépôt d'offres</strong> pour le compte d'entreprises, et leur mise à jour (idempotente).
        </li>
        <li>
          <strong>Les candidatures</strong> : transmises au recruteur par e-mail, CV joint ; son adresse n'est jamais
          communiquée.
        </li>
        <li>
          <strong>Le flux XML</strong> des offres en ligne pour les agrégateurs :{" "}
          <ServerLink href="/feeds/offers.xml">/feeds/offers.xml</ServerLink>, et chaque page d'offre porte ses données
          structurées JobPosting.
        </li>
      </ul>
      <p>
        La référence complète, générée à partir du code et donc toujours à jour, est la{" "}
        <Link className={fr.cx("fr-link")} to="/api-partenaires/reference">
          référence de l'API
        </Link>{" "}
        : chaque route, ses paramètres, ses réponses, qui peut l'appeler et sa limite de débit. Le même document au
        format OpenAPI, pour vos programmes :{" "}
        <ServerLink href="/api/docs/openapi.json">/api/docs/openapi.json</ServerLink>.
      </p>

      <h2>Obtenir une clé</h2>
      <p>
        Les clés sont délivrées par l'équipe Tremplin. Demandez la vôtre depuis la page{" "}
        <Link to="/contact">Contact</Link> en indiquant votre plateforme, les portées voulues et le volume de requêtes
        attendu. Une clé n'est montrée qu'une fois ; envoyez-la dans l'en-tête{" "}
        <code>Authorization: Bearer &lt;clé&gt;</code>. Une clé inconnue ou révoquée reçoit une erreur 401{" "}
        <code>API_KEY_INVALID</code>, jamais une réponse anonyme (une clé révoquée cesse de fonctionner dans les 10
        secondes).
      </p>
      <StackedTable hideCaption caption="Portées d'une clé" head={["Portée", "Permet de"]}>
        {scopes.map(([scope, what]) => (
          <tr key={scope}>
            <th scope="row">
              <code>{scope}</code>
            </th>
            <td data-label="Permet de">{what}</td>
          </tr>
        ))}
      </StackedTable>

      <h2>Synchroniser les offres</h2>
      <p>
        <code>GET /api/v1/offers?updatedSince=…</code> renvoie toutes les offres publiées un jour et modifiées depuis
        cette date, fermées comprises (statut pourvue, annulée, expirée, ou <code>pending</code> quand elle est
        masquée), dans l'ordre des modifications, 500 au plus par page. Suivez <code>nextCursor</code> jusqu'à{" "}
        <code>null</code>, puis repartez de la date de modification de la dernière offre reçue. Pour repartir de zéro,{" "}
        <code>GET /api/v1/offers/export</code> donne toutes les offres en ligne (une par ligne, NDJSON compressé gzip)
        et répond 304 quand son <code>ETag</code> n'a pas changé.
      </p>
      <CodeBlock label="Exemples avec curl" code={curlExamples(base)} />

      <h2>Webhooks</h2>
      <p>
        Plutôt que d'interroger l'API, recevez chaque événement <code>offer.published</code>, <code>offer.updated</code>{" "}
        ou <code>offer.closed</code> dès qu'il se produit. Chaque envoi est un POST JSON vers votre adresse https, avec
        l'offre au format public. Répondez 2xx dans les 10 secondes : sinon l'envoi est réessayé avec un délai qui
        double (1 min, 2 min, 4 min… 2 h au plus) pendant 24 heures. Un même événement peut arriver deux fois :
        dédoublonnez avec <code>X-Tremplin-Delivery</code>.
      </p>
      <CodeBlock label="S'abonner" code={webhookCreationExample(base)} />
      <CodeBlock label="Ce que reçoit votre serveur" code={webhookPayloadExample} />
      <h3>Vérifier la signature</h3>
      <p>
        L'en-tête <code>X-Tremplin-Signature: t=&lt;horodatage&gt;,v1=&lt;signature&gt;</code> porte un HMAC-SHA256, en
        hexadécimal, du texte <code>horodatage.corps</code> calculé avec le secret du webhook. Calculez-le sur le corps
        brut, avant tout décodage JSON, comparez en temps constant, et refusez un horodatage de plus de 5 minutes
        (rejeu).
      </p>
      <CodeBlock label="Vérification en Node.js" code={webhookVerificationExample} />

      <h2>Limites de débit</h2>
      <p>
        Chaque clé a son propre quota : 600 requêtes par minute par défaut, ajusté à votre volume sur demande. Sans clé,
        le quota vaut par adresse IP, et certaines routes sont plus strictes (signalements, candidatures, liens reçus
        par e-mail). Au-delà, la réponse est 429 <code>RATE_LIMITED</code> et le message dit dans combien de secondes
        réessayer.
      </p>

      <h2>Erreurs</h2>
      <p>
        Toute erreur a la même forme : un <code>code</code> stable sur lequel brancher votre logique (
        <code>VALIDATION_ERROR</code>, <code>OFFER_NOT_FOUND</code>, <code>CURSOR_INVALID</code>…), un{" "}
        <code>message</code> en français que vous pouvez afficher tel quel, et parfois des <code>details</code> (les
        champs refusés d'une validation). Les erreurs inattendues répondent 500 sans détail interne.
      </p>
      <CodeBlock label="Exemple d'erreur" code={errorExample} />
      <p>Dates au format ISO 8601, identifiants en chaînes, JSON en camelCase.</p>
    </PageContainer>
  );
}
