import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { useState } from "react";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { myOffersQueryKey } from "../offers/space/use-my-offers.js";

/**
 * Asked after a refusal « Le poste est déjà pourvu »: if it is, the offer should not stay online
 * collecting applications it will refuse. Closing it is the same action as « Marquer comme pourvue »
 * in the space; « Non » leaves it as it is (another position may still be open).
 */
export function CloseFilledOfferPrompt({ offerId, offerTitle }: { offerId: string; offerTitle: string | null }) {
  const queryClient = useQueryClient();
  const [declined, setDeclined] = useState(false);
  const close = useMutation({
    mutationFn: () => callApi(contracts.offers.markOfferFilled, { params: { id: offerId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myOffersQueryKey });
      void queryClient.invalidateQueries({ queryKey: ["offer-applications", offerId] });
    },
  });
  const title = offerTitle ? `« ${offerTitle} »` : "cette offre";

  if (close.isSuccess)
    return (
      <Alert
        severity="success"
        small
        description={`L'offre ${title} est marquée comme pourvue : elle n'est plus visible des candidats.`}
        className={fr.cx("fr-mb-2w")}
      />
    );
  if (declined) return null;
  return (
    <div className={fr.cx("fr-callout", "fr-mb-2w")}>
      <p className={fr.cx("fr-callout__title", "fr-h6")}>Le poste est pourvu : retirer l'offre ?</p>
      <p className={fr.cx("fr-callout__text", "fr-text--sm")}>
        Vous avez répondu que le poste est déjà pourvu. Si aucun autre poste de l'offre {title} n'est à pourvoir,
        retirez-la : les candidats ne postuleront plus pour rien.
      </p>
      {close.isError && <ApiErrorAlert error={close.error} className={fr.cx("fr-my-2w")} />}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-mt-2w")}>
        <li>
          <button type="button" className={fr.cx("fr-btn")} disabled={close.isPending} onClick={() => close.mutate()}>
            Oui, marquer l'offre comme pourvue
          </button>
        </li>
        <li>
          <button type="button" className={fr.cx("fr-btn", "fr-btn--secondary")} onClick={() => setDeclined(true)}>
            Non, la laisser en ligne
          </button>
        </li>
      </ul>
    </div>
  );
}
