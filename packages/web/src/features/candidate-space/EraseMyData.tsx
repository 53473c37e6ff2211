import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { callApi } from "../../api/client.js";
import { meQueryKey } from "../../auth/use-me.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { fieldState } from "../../components/forms/field-errors.js";

const word = "EFFACER";

/**
 * « Supprimer mes données »: said in full, confirmed by typing a word (the API asks for it too), then
 * the session is over (the server closes it) and the page says what was done.
 */
export function EraseMyData({ onErased }: { onErased: () => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const erase = useMutation({
    mutationFn: () => callApi(contracts.applicationLifecycle.eraseCandidateData, { body: { confirm: word } }),
    onSuccess: () => {
      onErased();
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== word) {
      setError(`Recopiez le mot ${word} pour confirmer.`);
      document.getElementById("effacer-confirmation")?.focus();
      return;
    }
    setError(undefined);
    erase.mutate();
  }

  return (
    <section aria-labelledby="titre-donnees" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-donnees" className={fr.cx("fr-h4")}>
        Mes données
      </h2>
      {!open ? (
        <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setOpen(true)}>
          Supprimer mes données
        </Button>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>
            Vos candidatures seront anonymisées (les recruteurs ne verront plus votre nom ni vos coordonnées), vos CV
            effacés, vos alertes supprimées, et vous serez déconnecté. C'est définitif.
          </p>
          {erase.error && <ApiErrorAlert error={erase.error} className={fr.cx("fr-mb-2w")} />}
          <Input
            label={`Pour confirmer, recopiez le mot ${word}`}
            {...fieldState(error)}
            nativeInputProps={{
              id: "effacer-confirmation",
              value: typed,
              autoComplete: "off",
              onChange: (e) => setTyped(e.target.value),
            }}
          />
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit" disabled={erase.isPending}>
                Supprimer définitivement mes données
              </Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => setOpen(false)}>
                Ne rien supprimer
              </Button>
            </li>
          </ul>
        </form>
      )}
    </section>
  );
}
