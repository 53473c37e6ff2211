import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQueryClient } from "@tanstack/react-query";
import { contracts, formatFrenchDate, type RouteOutput } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, callApi } from "../../api/client.js";
import { safeReturnPath, signInPathFor } from "../../auth/roles.js";
import { useMe } from "../../auth/use-me.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { myOffersQueryKey } from "./space/use-my-offers.js";

const applyEmailAction = contracts.offers.applyEmailAction;
const tokenSchema = applyEmailAction.body.shape.token;
type ActionResult = RouteOutput<typeof applyEmailAction>;

const actionTitles: Record<ActionResult["action"], string> = {
  extend: "Offre prolongée",
  filled: "Offre pourvue",
  cancel: "Offre annulée",
  takeover: "Offre reprise",
  remove: "Offre retirée",
};

type Outcome =
  | { kind: "working" }
  | { kind: "done"; result: ActionResult }
  | { kind: "failed"; message: string; linkInvalid: boolean };

const incompleteLink =
  "Ce lien n'est pas complet. Copiez bien toute l'adresse reçue par e-mail, ou gérez votre offre depuis votre espace.";

function NextSteps({ result, linkInvalid = false }: { result?: ActionResult; linkInvalid?: boolean }) {
  const me = useMe();
  // The API gives its own sign-in address when it knows who to sign in (« /connexion?email=… »,
  // after taking an offer over); otherwise sign-in leads back to the space.
  const signIn = safeReturnPath(result?.signInRedirect) ?? signInPathFor("/espace");
  return (
    <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-4w")}>
      <li>
        {me.data ? (
          <Link className={fr.cx("fr-btn")} to="/espace">
            Aller à mon espace
          </Link>
        ) : (
          <Link className={fr.cx("fr-btn")} to={signIn}>
            {linkInvalid ? "Me connecter pour gérer mes offres" : "Me connecter à mon espace"}
          </Link>
        )}
      </li>
      {result?.status === "active" && (
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} to={`/offres/${result.offerId}`}>
            Voir l'offre
          </Link>
        </li>
      )}
    </ul>
  );
}

/**
 * /offres/action?jeton=…: one-click actions from the offer emails (extend, filled, cancel, take
 * over, remove). Like the sign-in links, the page POSTs the token when it loads, so that mail
 * scanners following links do not act on offers.
 */
export function EmailActionPage() {
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(() =>
    tokenSchema.safeParse(token).success
      ? { kind: "working" }
      : { kind: "failed", message: incompleteLink, linkInvalid: true },
  );
  const sent = useRef(false);
  usePageTitle(outcome.kind === "done" ? actionTitles[outcome.result.action] : "Action sur une offre");

  useEffect(() => {
    if (sent.current || !tokenSchema.safeParse(token).success) return;
    sent.current = true;
    callApi(applyEmailAction, { body: { token } })
      .then((result) => {
        setOutcome({ kind: "done", result });
        void queryClient.invalidateQueries({ queryKey: myOffersQueryKey });
      })
      .catch((error: unknown) =>
        setOutcome({
          kind: "failed",
          message: errorMessage(error),
          linkInvalid: error instanceof ApiError && error.code === "ACTION_LINK_INVALID",
        }),
      );
  }, [token, queryClient]);

  if (outcome.kind === "working") {
    return (
      <PageContainer narrow>
        <h1>Action sur votre offre</h1>
        <Loading text="Nous appliquons votre demande…" />
      </PageContainer>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <PageContainer narrow>
        <h1>{outcome.linkInvalid ? "Ce lien ne fonctionne plus" : "L'action n'a pas pu être faite"}</h1>
        <Alert severity="error" small description={outcome.message} />
        <NextSteps linkInvalid={outcome.linkInvalid} />
      </PageContainer>
    );
  }

  const { result } = outcome;
  return (
    <PageContainer narrow>
      <h1>{actionTitles[result.action]}</h1>
      <Alert
        severity={result.applied ? "success" : "info"}
        title={`« ${result.offerTitle} »`}
        description={result.message}
      />
      {/* The date, unless the API's message already says it. */}
      {result.status === "active" &&
        result.expiresAt &&
        !result.message.includes(formatFrenchDate(result.expiresAt)) && (
          <p className={fr.cx("fr-text--lead", "fr-mt-3w")}>
            L'offre est en ligne jusqu'au <strong>{formatFrenchDate(result.expiresAt)}</strong>.
          </p>
        )}
      <NextSteps result={result} />
    </PageContainer>
  );
}
