import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { contracts, emailSchema, withPreposition } from "@tremplin/core";
import { type FormEvent, useId, useState } from "react";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";

export interface AlertSearch {
  romeCode: string;
  appellationCode: string;
  jobLabel: string;
  placeLabel: string;
  latitude: number;
  longitude: number;
  radius: number;
  diplomaLevel: number | null;
}

/**
 * « Créer une alerte » on the search page: the current search (job, place, radius, level) and an
 * address. The alert starts once the link of the confirmation email is followed (double opt-in).
 */
export function CreateAlertForm({ search }: { search: AlertSearch }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const fieldId = useId();
  const create = useMutation({
    mutationFn: (address: string) =>
      callApi(contracts.alerts.createAlert, {
        body: {
          email: address,
          romes: [search.romeCode],
          appellationCode: search.appellationCode,
          latitude: search.latitude,
          longitude: search.longitude,
          radius: search.radius,
          diplomaLevel: search.diplomaLevel,
        },
      }),
  });

  if (!open) {
    return (
      <Button priority="secondary" iconId="fr-icon-notification-3-line" onClick={() => setOpen(true)}>
        Créer une alerte
      </Button>
    );
  }
  if (create.data) {
    return (
      <Alert
        severity="success"
        title="Vérifiez votre boîte aux lettres"
        description={create.data.message}
        className={fr.cx("fr-mb-2w")}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? "Adresse e-mail invalide.");
      return;
    }
    setFieldError(null);
    create.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="app-alert-form" aria-label="Créer une alerte">
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        Recevez par e-mail les nouvelles offres « {search.jobLabel} » à {search.radius} km{" "}
        {withPreposition("de", search.placeLabel)} : un e-mail par jour au plus, seulement quand il y a du nouveau.
      </p>
      <div className={fr.cx("fr-input-group", fieldError ? "fr-input-group--error" : undefined)}>
        <label className={fr.cx("fr-label")} htmlFor={fieldId}>
          Votre adresse e-mail
          <span className={fr.cx("fr-hint-text")}>Un lien de confirmation vous sera envoyé.</span>
        </label>
        <input
          id={fieldId}
          className={fr.cx("fr-input", fieldError ? "fr-input--error" : undefined)}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-describedby={fieldError ? `${fieldId}-erreur` : undefined}
        />
        {fieldError && (
          <p id={`${fieldId}-erreur`} className={fr.cx("fr-error-text")}>
            {fieldError}
          </p>
        )}
      </div>
      {create.error && <ApiErrorAlert error={create.error} className={fr.cx("fr-mb-2w")} />}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Envoi…" : "Créer l'alerte"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
