import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { type FormEvent, useRef, useState } from "react";
import { callApi } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { fieldState, validateWith } from "../../../components/forms/field-errors.js";

const requestMagicLink = contracts.accounts.requestMagicLink;
const emailOnly = requestMagicLink.body.pick({ email: true });

export interface RequestLinkFormProps {
  /** Where to go after following the link (a path of this site). */
  redirectTo?: string | null;
  submitLabel?: string;
  initialEmail?: string;
  id?: string;
}

/**
 * Asks for a sign-in link. The answer is the same whatever the address (the API answers 204 in every
 * case), so that nobody can find out who has an account.
 */
export function RequestLinkForm({
  redirectTo,
  submitLabel = "Recevoir un lien de connexion",
  initialEmail = "",
  id = "email",
}: RequestLinkFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const sentRef = useRef<HTMLDivElement>(null);
  const request = useMutation({
    mutationFn: (body: { email: string; redirectTo?: string }) => callApi(requestMagicLink, { body }),
    onSuccess: (_data, body) => {
      setSentTo(body.email);
      // The confirmation replaces the form: move the focus there, so it is read out.
      requestAnimationFrame(() => sentRef.current?.focus());
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateWith(emailOnly, { email });
    if (!result.ok) {
      setError(result.errors.email);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    request.mutate({ email: result.data.email, ...(redirectTo ? { redirectTo } : {}) });
  }

  if (sentTo) {
    return (
      <div ref={sentRef} tabIndex={-1}>
        <Alert
          severity="success"
          title="Un lien vous a été envoyé"
          description={
            <>
              Si un compte Tremplin existe pour <strong>{sentTo}</strong>, un lien de connexion vient d'y être envoyé.
              Il est valable 15 minutes et ne sert qu'une fois. Pensez à regarder dans les courriers indésirables.
            </>
          }
        />
        <p className={fr.cx("fr-mt-3w")}>
          <button
            type="button"
            className={fr.cx("fr-link")}
            onClick={() => {
              setSentTo(undefined);
              request.reset();
            }}
          >
            Utiliser une autre adresse
          </button>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      {request.isError && <ApiErrorAlert error={request.error} className={fr.cx("fr-mb-3w")} />}
      <Input
        label="Adresse e-mail"
        hintText="Celle de votre compte, par exemple nom@entreprise.fr"
        {...fieldState(error)}
        nativeInputProps={{
          id,
          type: "email",
          autoComplete: "email",
          inputMode: "email",
          value: email,
          onChange: (event) => setEmail(event.target.value),
          "aria-invalid": error ? true : undefined,
        }}
      />
      <Button type="submit" disabled={request.isPending}>
        {request.isPending ? "Envoi en cours…" : submitLabel}
      </Button>
    </form>
  );
}
