import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { fieldState } from "../../components/forms/field-errors.js";
import { type AdminCompany, parseBoost } from "./company-edit.js";
import { useCompanyUpdate } from "./use-company.js";

const fieldId = "mise-en-avant";

/** Points added to the company's score when candidates' results are ranked (0 to 50). */
export function CompanyBoostForm({ company }: { company: AdminCompany }) {
  const [text, setText] = useState(String(company.boost).replace(".", ","));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const update = useCompanyUpdate(company.siret);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved || update.isError) outcomeRef.current?.focus();
  }, [saved, update.isError]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const parsed = parseBoost(text);
    if (!parsed.ok) {
      setError(parsed.message);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    update.mutate(
      { boost: parsed.boost },
      {
        onSuccess: (next) =>
          setSaved(next.boost > 0 ? `Mise en avant enregistrée : + ${next.boost} points.` : "Mise en avant retirée."),
      },
    );
  }

  return (
    <section aria-labelledby="titre-mise-en-avant" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-mise-en-avant">Mise en avant</h2>
      <div ref={outcomeRef} tabIndex={-1}>
        {saved && <Alert severity="success" small description={saved} className={fr.cx("fr-mb-3w")} />}
        {update.isError && (
          <ApiErrorAlert error={update.error} title="La mise en avant n'a pas changé" className={fr.cx("fr-mb-3w")} />
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <Input
          label="Points ajoutés au score"
          hintText="De 0 à 50. Ils remontent l'entreprise dans les résultats des candidats, sans changer le score affiché."
          {...fieldState(error)}
          nativeInputProps={{
            id: fieldId,
            inputMode: "decimal",
            value: text,
            onChange: (e) => {
              setText(e.target.value);
              setError(undefined);
            },
          }}
        />
        <button type="submit" className={fr.cx("fr-btn")} disabled={update.isPending}>
          Enregistrer la mise en avant
        </button>
      </form>
    </section>
  );
}
