import { fr } from "@codegouvfr/react-dsfr";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AccountCard, contracts, opcoInSentence, withPreposition } from "@tremplin/core";
import { useId, useState } from "react";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";

interface AssignOpcoProps {
  accountId: string;
  companyName: string;
  currentOpcoId?: string | null;
  onAssigned?: (card: AccountCard) => void;
}

/** An OPCO list and a button: gives the account to an OPCO, whose advisers will then see it. */
export function AssignOpco({ accountId, companyName, currentOpcoId, onAssigned }: AssignOpcoProps) {
  const id = useId();
  const [opcoId, setOpcoId] = useState(currentOpcoId ?? "");
  const queryClient = useQueryClient();
  const opcos = useQuery({
    queryKey: ["opcos"],
    queryFn: ({ signal }) => callApi(contracts.referential.listOpcos, { signal }),
  });
  const assign = useMutation({
    mutationFn: () => callApi(contracts.accounts.assignOpco, { params: { id: accountId }, body: { opcoId } }),
    onSuccess: (card) => {
      void queryClient.invalidateQueries({ queryKey: ["accounts"] });
      onAssigned?.(card);
    },
  });

  return (
    <div className="app-inline-form">
      <label className={fr.cx("fr-label", "fr-sr-only")} htmlFor={`${id}-opco`}>
        OPCO {withPreposition("de", companyName)}
      </label>
      <select
        id={`${id}-opco`}
        className={fr.cx("fr-select")}
        value={opcoId}
        onChange={(event) => setOpcoId(event.target.value)}
      >
        <option value="" disabled>
          Choisir un OPCO
        </option>
        {opcos.data?.map((opco) => (
          <option key={opco.id} value={opco.id}>
            {opco.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
        disabled={!opcoId || opcoId === currentOpcoId || assign.isPending}
        onClick={() => assign.mutate()}
      >
        Attribuer<span className="fr-sr-only"> à {companyName}</span>
      </button>
      <p className={fr.cx("fr-text--xs", "fr-mb-0")} role="status">
        {assign.isSuccess && `Attribué ${withPreposition("à", opcoInSentence(assign.data.opco?.name ?? "OPCO"))}.`}
        {assign.isError && errorMessage(assign.error)}
      </p>
    </div>
  );
}
