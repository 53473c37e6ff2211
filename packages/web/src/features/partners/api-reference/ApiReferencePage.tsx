import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import "./api-reference.css";
import { OperationSection } from "./OperationSection.js";
import { errorFields, groupOperations, type OpenApiDocument } from "./openapi-view.js";
import { FieldsTable } from "./SchemaTables.js";

/** The document the server generates from the contracts; programs read it at the same address. */
export const openApiDocumentUrl = "/api/docs/openapi.json";

async function fetchDocument(signal: AbortSignal): Promise<OpenApiDocument> {
  const response = await fetch(openApiDocumentUrl, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Le document OpenAPI n'a pas pu être chargé (erreur ${response.status}).`);
  return (await response.json()) as OpenApiDocument;
}

/**
 * /api-partenaires/reference « Référence de l'API »: every route of the OpenAPI document, by tag, in
 * French, with authentication, rate limit, parameters and bodies. Replaces Swagger UI for people;
 * programs keep reading the JSON document.
 */
export function ApiReferencePage() {
  usePageTitle("Référence de l'API");
  const document = useQuery({ queryKey: ["openapi-document"], queryFn: ({ signal }) => fetchDocument(signal) });

  return (
    <PageContainer>
      <h1>Référence de l'API</h1>
      <p className={fr.cx("fr-text--lead")}>
        Toutes les routes de l'API Tremplin, générées à partir du même document que celui que lisent les programmes :
        cette page est toujours à jour.
      </p>
      <ul>
        <li>
          Le document OpenAPI 3.1 (JSON), pour générer un client :{" "}
          <a className={fr.cx("fr-link")} href={openApiDocumentUrl}>
            {openApiDocumentUrl}
          </a>
        </li>
        <li>
          Le guide pour démarrer (clés, synchronisation, webhooks, exemples) :{" "}
          <Link className={fr.cx("fr-link")} to="/api-partenaires">
            Intégrer l'API
          </Link>
        </li>
      </ul>

      {document.isPending && <Loading text="Chargement de la référence…" />}
      {document.isError && <ApiErrorAlert title="La référence n'a pas pu être chargée" error={document.error} />}
      {document.data && <Reference doc={document.data} />}
    </PageContainer>
  );
}

function Reference({ doc }: { doc: OpenApiDocument }) {
  const tags = groupOperations(doc);
  const server = doc.servers?.[0]?.url ?? window.location.origin;
  return (
    <>
      <p>
        Version {doc.info?.version ?? "inconnue"} · adresse de base <code>{server}</code>
      </p>
      <nav className={fr.cx("fr-summary", "fr-mb-6w")} aria-labelledby="sommaire-api">
        <h2 className="fr-summary__title" id="sommaire-api">
          Sommaire
        </h2>
        <ol className="fr-summary__list">
          <li>
            <a className="fr-summary__link" href="#generalites">
              Généralités : authentification, limites, erreurs
            </a>
          </li>
          {tags.map((tag) => (
            <li key={tag.id}>
              <a className="fr-summary__link" href={`#${tag.id}`}>
                {tag.name} ({tag.operations.length})
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="generalites">
        <h2 id="generalites">Généralités</h2>
        <h3>Authentification</h3>
        <ul>
          <li>
            <strong>Sans authentification</strong> : la recherche, les offres publiées, les référentiels, les
            formations, les candidatures envoyées depuis le site.
          </li>
          <li>
            <strong>Clé d'API partenaire</strong> : dans l'en-tête <code>Authorization: Bearer &lt;clé&gt;</code>.
            Chaque clé a des portées (<code>offers:read</code>, <code>offers:write</code>,{" "}
            <code>applications:write</code>
            ). Une clé inconnue ou révoquée reçoit une erreur 401, jamais une réponse anonyme.
          </li>
          <li>
            <strong>Session</strong> : les routes des espaces du site (recruteurs, CFA, OPCO, administration) lisent le
            cookie de connexion <code>tremplin_session</code> ; elles ne sont pas ouvertes aux clés d'API.
          </li>
        </ul>
        <h3>Limites de débit</h3>
        <p>
          Par défaut, {doc["x-rate-limit-per-minute"] ?? "un nombre limité de"} requêtes par minute et par adresse IP ;
          certaines routes ont une limite plus basse, indiquée avec la route. Avec une clé d'API, le débit est celui de
          la clé. Au-delà, la réponse est une erreur 429 <code>RATE_LIMITED</code> : attendez la minute suivante.
        </p>
        <h3>Erreurs</h3>
        <p>
          Toutes les erreurs ont la même forme. Le <code>code</code> ne change pas d'une version à l'autre : c'est lui
          que vos programmes doivent tester ; le <code>message</code> peut être montré tel quel à une personne.
        </p>
        <FieldsTable caption="Corps d'une réponse d'erreur" fields={errorFields(doc)} />
        <p>
          Statuts : 400 requête invalide (le détail des champs est dans <code>details</code>), 401 authentification
          requise ou clé invalide, 403 droits insuffisants, 404 introuvable, 409 conflit (déjà fait), 410 plus
          disponible, 413 fichier trop lourd, 415 type de corps refusé, 422 refusé par une règle métier, 429 trop de
          requêtes.
        </p>
      </section>

      {tags.map((tag) => (
        <section key={tag.id} aria-labelledby={tag.id} className={fr.cx("fr-mt-6w")}>
          <h2 id={tag.id}>
            {tag.name}{" "}
            <Badge small noIcon as="span">
              {`${tag.operations.length} route${tag.operations.length > 1 ? "s" : ""}`}
            </Badge>
          </h2>
          {tag.operations.map((operation) => (
            <OperationSection key={operation.id} operation={operation} />
          ))}
        </section>
      ))}
    </>
  );
}
