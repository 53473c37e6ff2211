import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { contracts, formatFrenchDate, type OrganisationMembers } from "@tremplin/core";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";

interface PendingInvitationsProps {
  data: OrganisationMembers;
  /** The members list's query key: the answer to a revocation is the new list. */
  membersKey: readonly unknown[];
}

/**
 * The invitations still waiting for a colleague, each with the date it ends and a button to
 * withdraw it (a wrong address, a colleague who left): afterwards that address would only be a
 * request to accept, like anyone's.
 */
export function PendingInvitations({ data, membersKey }: PendingInvitationsProps) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (invitationId: string) =>
      callApi(contracts.memberships.revokeInvitation, {
        params: { siret: data.siret, invitationId },
        query: { type: data.type },
      }),
    onSuccess: (next) => queryClient.setQueryData(membersKey, next),
  });
  if (data.invitations.length === 0) return null;
  return (
    <section aria-labelledby="titre-invitations-en-attente" className={fr.cx("fr-mt-4w")}>
      <h3 id="titre-invitations-en-attente" className={fr.cx("fr-h6")}>
        Invitations en attente
      </h3>
      {revoke.error && (
        <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={errorMessage(revoke.error)} />
      )}
      <ul>
        {data.invitations.map((invitation) => (
          <li key={invitation.id} className={fr.cx("fr-mb-1w")}>
            {invitation.email}, invité par {invitation.invitedBy}, jusqu'au {formatFrenchDate(invitation.expiresAt)}{" "}
            <button
              type="button"
              className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-btn--sm", "fr-ml-1w")}
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(invitation.id)}
            >
              Annuler l'invitation de {invitation.email}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
