import { fr } from "@codegouvfr/react-dsfr";
import type { BodyView, OperationView } from "./openapi-view.js";
import { FieldsTable, ParametersTable } from "./SchemaTables.js";

const methodClass: Record<string, string> = {
  GET: "app-api-method--get",
  POST: "app-api-method--post",
  PUT: "app-api-method--put",
  PATCH: "app-api-method--put",
  DELETE: "app-api-method--delete",
};

function Body({ title, body, operation }: { title: string; body: BodyView; operation: OperationView }) {
  return (
    <>
      <h4 className={fr.cx("fr-text--md", "fr-mb-1w")}>{title}</h4>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Format : <code>{body.contentType}</code>
        {body.summary && <> · {body.summary}</>}
      </p>
      {body.fields.length > 0 && (
        <FieldsTable caption={`${title} : ${operation.method} ${operation.path}`} fields={body.fields} />
      )}
    </>
  );
}

/** One route: method and path, what it does, who may call it, its limit, parameters and bodies. */
export function OperationSection({ operation }: { operation: OperationView }) {
  return (
    <section className="app-api-operation" aria-labelledby={operation.id}>
      <h3 id={operation.id} className={fr.cx("fr-h5", "fr-mb-1w")}>
        {operation.summary}
      </h3>
      <p className="app-api-endpoint">
        <span className={`app-api-method ${methodClass[operation.method] ?? ""}`}>{operation.method}</span>{" "}
        <code>{operation.path}</code>
      </p>
      {operation.description && <p>{operation.description}</p>}
      <dl className="app-api-facts">
        <dt>Accès</dt>
        <dd>{operation.auth}</dd>
        <dt>Limite</dt>
        <dd>{operation.rateLimit}</dd>
      </dl>
      {operation.parameters.length > 0 && (
        <details className="app-api-details">
          <summary>Paramètres ({operation.parameters.length})</summary>
          <ParametersTable
            caption={`Paramètres : ${operation.method} ${operation.path}`}
            parameters={operation.parameters}
          />
        </details>
      )}
      {operation.request && (
        <details className="app-api-details">
          <summary>Corps de la requête</summary>
          <Body title="Corps de la requête" body={operation.request} operation={operation} />
        </details>
      )}
      {operation.response && (
        <details className="app-api-details">
          <summary>Réponse {operation.response.status}</summary>
          {operation.response.body ? (
            <Body title={`Réponse ${operation.response.status}`} body={operation.response.body} operation={operation} />
          ) : (
            <p className={fr.cx("fr-text--sm")}>Pas de contenu.</p>
          )}
        </details>
      )}
    </section>
  );
}
