import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { algoContactSchema } from "@tremplin/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import { apiFieldErrors, fieldState, validateWith } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import type { AdminCompany } from "./company-edit.js";
import { useCompanyUpdate } from "./use-company.js";

const fields = {
  firstName: { id: "contact-prenom", label: "Prénom", autoComplete: "off" },
  lastName: { id: "contact-nom", label: "Nom", autoComplete: "off" },
  email: { id: "contact-email", label: "Adresse e-mail", autoComplete: "off" },
  phone: { id: "contact-telephone", label: "Téléphone", autoComplete: "off" },
} as const;
type Field = keyof typeof fields;
const empty: Record<Field, string> = { firstName: "", lastName: "", email: "", phone: "" };

/**
 * The contact we know for the company. It is private: it serves to check delisting requests (one
 * from this address is confirmed by email, any other comes to the admin).
 */
export function CompanyContactForm({ company }: { company: AdminCompany }) {
  const [values, setValues] = useState<Record<Field, string>>(company.contact ?? empty);
  const [submissions, setSubmissions] = useState(0);
  const [saved, setSaved] = useState<string>();
  const update = useCompanyUpdate(company.siret);
  const { errors, setErrors, clear } = useFieldErrors();
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) outcomeRef.current?.focus();
  }, [saved]);
  const generalFailure = update.error instanceof ApiError && update.error.code !== "VALIDATION_ERROR";

  function save(contact: Record<Field, string> | null) {
    setSaved(undefined);
    update.mutate(
      { contact },
      {
        onSuccess: (next) => {
          setValues(next.contact ?? empty);
          setSaved(contact ? "Contact enregistré." : "Contact effacé.");
        },
        onError: (error) => {
          // The API names the fields inside the body ("contact.email"); the form names them alone.
          const issues = Object.entries(apiFieldErrors(error)).map(([path, m]) => [path.replace(/^contact\./, ""), m]);
          setErrors(Object.fromEntries(issues));
          setSubmissions((n) => n + 1);
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(algoContactSchema, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSubmissions((n) => n + 1);
      return;
    }
    setErrors({});
    save(checked.data);
  }

  return (
    <section aria-labelledby="titre-contact" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-contact">Contact connu</h2>
      <p className={fr.cx("fr-text--sm")}>
        Jamais montré aux candidats. Une demande de retrait venue de cette adresse est confirmée par e-mail sans passer
        par l'administration.
      </p>
      <div ref={outcomeRef} tabIndex={-1}>
        {saved && <Alert severity="success" small description={saved} className={fr.cx("fr-mb-3w")} />}
        {generalFailure && (
          <ApiErrorAlert error={update.error} title="Le contact n'a pas été modifié" className={fr.cx("fr-mb-3w")} />
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={errors}
          fields={Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { id: f.id, label: f.label }]))}
          submissionCount={submissions}
        />
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {(Object.keys(fields) as Field[]).map((name) => (
            <div key={name} className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <Input
                label={fields[name].label}
                {...fieldState(errors[name])}
                nativeInputProps={{
                  id: fields[name].id,
                  type: name === "email" ? "email" : name === "phone" ? "tel" : "text",
                  autoComplete: fields[name].autoComplete,
                  value: values[name],
                  onChange: (e) => {
                    setValues((v) => ({ ...v, [name]: e.target.value }));
                    clear(name);
                  },
                }}
              />
            </div>
          ))}
        </div>
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-mt-2w")}>
          <li>
            <button type="submit" className={fr.cx("fr-btn")} disabled={update.isPending}>
              Enregistrer le contact
            </button>
          </li>
          {company.contact && (
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--tertiary")}
                disabled={update.isPending}
                onClick={() => save(null)}
              >
                Effacer le contact
              </button>
            </li>
          )}
        </ul>
      </form>
    </section>
  );
}
