import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ApiError } from "../api/client.js";

const fallbackMessage = "Une erreur inattendue est survenue. Merci de réessayer dans quelques instants.";

/** The French message of an API failure (the API's own words), for any error. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : fallbackMessage;
}

/** A failed request, said in an error alert; `title` says what could not be done. */
export function ApiErrorAlert({ error, title, className }: { error: unknown; title?: string; className?: string }) {
  if (title) return <Alert severity="error" title={title} description={errorMessage(error)} className={className} />;
  return <Alert severity="error" small description={errorMessage(error)} className={className} />;
}
