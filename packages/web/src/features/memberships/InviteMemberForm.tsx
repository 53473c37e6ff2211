import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { contracts, emailSchema, formatFrenchDate } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { ApiError, callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";

const FIELD_CODES = new Set<string>(["MEMBERSHIP_ALREADY_MEMBER", "VALIDATION_ERROR"]);

interface InviteMemberFormProps {
  siret: string;
  type: "company" | "cfa";
  /** The members list's query key: it shows invitations and members, both changed by an invitation. */
  membersKey: readonly unknown[];
}

/**
 * A verified member invites a colleague by email: the colleague who then signs up (or signs in) on
 * this SIRET with that address is verified at once; a request already pending from that address is
 * accepted now. The address is checked with core's schema before any request.
 */
export function InviteMemberForm({ siret, type, membersKey }: InviteMemberFormProps) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const invite = useMutation({
    mutationFn: (address: string) =>
      callApi(contracts.memberships.inviteMember, { params: { siret }, query: { type }, body: { email: address } }),
    onSuccess: async () => {
      setEmail("");
      // The new invitation (or the request it accepted) appears in the lists above.
      await queryClient.invalidateQueries({ queryKey: membersKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = emailSchema.safeParse(email);
    if (!checked.success) {
      setFieldError(checked.error.issues[0]?.message);
      document.getElementById("invitation-email")?.focus();
      return;
    }
    setFieldError(undefined);
    invite.mutate(checked.data);
  }

  // What is about the address (already a member, refused by the API's schema) is said on the field;
  // anything else (not verified, too many invitations today, network) above the form.
  const apiFieldError =
    invite.error instanceof ApiError && FIELD_CODES.has(invite.error.code) ? errorMessage(invite.error) : undefined;
  const shownError = fieldError ?? apiFieldError;
  const done = invite.data;

  return (
    <form onSubmit={submit} noValidate className={fr.cx("fr-mt-4w")} aria-labelledby="titre-invitation">
      <h3 id="titre-invitation" className={fr.cx("fr-h6")}>
        Inviter un ou une collègue
      </h3>
      {done && (
        <Alert
          severity="success"
          small
          className={fr.cx("fr-mb-2w")}
          description={
            done.outcome === "accepted"
              ? `La demande d'accès de ${done.email} était en attente : elle est acceptée.`
              : `Invitation envoyée à ${done.email}. En créant son compte sur ce SIRET avec cette adresse${
                  done.expiresAt ? ` avant le ${formatFrenchDate(done.expiresAt)}` : ""
                }, votre collègue sera vérifié aussitôt.`
          }
        />
      )}
      {invite.error && !apiFieldError && (
        <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={errorMessage(invite.error)} />
      )}
      <Input
        label="Adresse e-mail de votre collègue"
        hintText="Un e-mail l'invite à créer son compte ; il ou elle partagera vos offres et les candidatures reçues."
        state={shownError ? "error" : "default"}
        stateRelatedMessage={shownError}
        nativeInputProps={{
          id: "invitation-email",
          type: "email",
          autoComplete: "off",
          value: email,
          onChange: (e) => {
            setEmail(e.target.value);
            setFieldError(undefined);
            if (invite.error || invite.data) invite.reset();
          },
        }}
      />
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "Envoi…" : "Envoyer l'invitation"}
      </Button>
    </form>
  );
}
