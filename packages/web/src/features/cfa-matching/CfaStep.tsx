import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { CfaRequestsSent } from "./CfaRequestsSent.js";
import { CfaSuggestionsForm } from "./CfaSuggestionsForm.js";
import { useCfaSuggestions, useOfferCfaRequests } from "./use-cfa-requests.js";

const intro =
  "Les centres de formation d'apprentis (CFA) accompagnent des jeunes qui cherchent une entreprise. Choisissez ceux qui forment à votre métier près de chez vous : ils reçoivent votre besoin et peuvent vous présenter des candidats. C'est facultatif et gratuit.";

function Suggestions({ offerId }: { offerId: string }) {
  const suggestions = useCfaSuggestions(offerId);
  if (suggestions.isPending) return <Loading text="Recherche des CFA proches…" />;
  if (suggestions.isError)
    return <ApiErrorAlert error={suggestions.error} title="Les CFA proches n'ont pas pu être cherchés" />;
  const { data } = suggestions;
  if (!data.canRequest)
    return (
      <Alert
        severity="info"
        small
        description="Cette offre est pourvue, annulée ou expirée : remettez-la en ligne pour faire connaître votre besoin aux CFA."
      />
    );
  if (!data.located)
    return (
      <Alert
        severity="info"
        small
        description="Le lieu de travail de cette offre n'a pas pu être situé sur la carte : nous ne pouvons pas proposer de CFA proches."
      />
    );
  if (data.items.length === 0)
    return (
      <p>
        Aucun CFA certifié ne forme au métier « {data.romeLabel} » à moins de {data.radiusKm} km de votre lieu de
        travail.
      </p>
    );
  return <CfaSuggestionsForm offerId={offerId} suggestions={data} />;
}

/**
 * « Faites connaître votre besoin aux CFA »: the optional step after posting, and the page the emails
 * link to. The suggestions, then the requests already sent with their answers.
 */
export function CfaStep({ offerId, headingLevel = 2 }: { offerId: string; headingLevel?: 1 | 2 }) {
  const requests = useOfferCfaRequests(offerId);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    // As a page of its own (heading level 1) the section starts at the top; after posting, it follows the confirmation.
    <section aria-labelledby="titre-etape-cfa" className={headingLevel === 1 ? undefined : fr.cx("fr-mt-6w")}>
      <Heading id="titre-etape-cfa">Faites connaître votre besoin aux CFA</Heading>
      <p>{intro}</p>
      <Suggestions offerId={offerId} />
      {requests.isError && (
        <ApiErrorAlert
          error={requests.error}
          title="Les demandes déjà envoyées n'ont pas pu être chargées"
          className={fr.cx("fr-mt-3w")}
        />
      )}
      {requests.data && requests.data.items.length > 0 && (
        <CfaRequestsSent items={requests.data.items} headingLevel={headingLevel === 1 ? 2 : 3} />
      )}
    </section>
  );
}
