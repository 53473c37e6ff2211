import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { siretSchema } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { fieldState } from "../../components/forms/field-errors.js";
import { companyPath } from "./company-path.js";

const fieldId = "siret-entreprise";

/** Opens one company's exposure page by its SIRET (spaces allowed), checked with core's SIRET rule. */
export function CompanySiretSearch() {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const navigate = useNavigate();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = siretSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Saisissez 14 chiffres.");
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    navigate(companyPath(parsed.data));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Ouvrir une entreprise"
      className={fr.cx("fr-mb-4w", "fr-col-12", "fr-col-md-8", "fr-col-lg-6")}
    >
      <Input
        label="Ouvrir une entreprise par son SIRET"
        hintText="Voir ses métiers exposés, son score, son contact ; les modifier ou la mettre en avant."
        // The button sits beside the field, and a problem is said below both (DSFR « champ avec bouton »).
        addon={
          <button type="submit" className={fr.cx("fr-btn")}>
            Ouvrir
          </button>
        }
        {...fieldState(error)}
        nativeInputProps={{
          id: fieldId,
          inputMode: "numeric",
          autoComplete: "off",
          value: text,
          onChange: (e) => {
            setText(e.target.value);
            setError(undefined);
          },
        }}
      />
    </form>
  );
}
