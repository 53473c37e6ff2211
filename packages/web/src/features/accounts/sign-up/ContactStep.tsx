import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { signUpSchema } from "@tremplin/core";
import { type FormEvent, type InputHTMLAttributes, useState } from "react";
import { ErrorSummary } from "../../../components/forms/ErrorSummary.js";
import { type FieldErrors, fieldState, validateWith } from "../../../components/forms/field-errors.js";
import { useFieldErrors } from "../../../components/forms/use-field-errors.js";
import type { SignUpDraft } from "./sign-up-flow.js";

const contactSchema = signUpSchema.pick({ firstName: true, lastName: true, email: true, phone: true });
type ContactField = "firstName" | "lastName" | "email" | "phone";

const fields: Record<
  ContactField,
  { id: string; label: string; hint?: string; input: InputHTMLAttributes<HTMLInputElement> }
> = {
  firstName: { id: "inscription-prenom", label: "Prénom", input: { autoComplete: "given-name" } },
  lastName: { id: "inscription-nom", label: "Nom", input: { autoComplete: "family-name" } },
  email: {
    id: "inscription-email",
    label: "Adresse e-mail professionnelle",
    hint: "Nous y enverrons un lien pour confirmer votre compte, puis vos liens de connexion.",
    input: { type: "email", autoComplete: "email", inputMode: "email" },
  },
  phone: {
    id: "inscription-telephone",
    label: "Téléphone",
    hint: "Pour que votre OPCO puisse vous joindre. Format : 06 12 34 56 78",
    input: { type: "tel", autoComplete: "tel", inputMode: "tel" },
  },
};
const summaryFields = Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, { id: f.id, label: f.label }]));

interface ContactStepProps {
  draft: SignUpDraft;
  onDraftChange: (changes: Partial<SignUpDraft>) => void;
  onBack: () => void;
  onSubmit: () => void;
  submitting: boolean;
  serverErrors: FieldErrors;
}

/** Step 3: who the account belongs to. Checked with the sign-up schema of core, then sent. */
export function ContactStep({ draft, onDraftChange, onBack, onSubmit, submitting, serverErrors }: ContactStepProps) {
  const { errors, setErrors, clear } = useFieldErrors(serverErrors);
  const [submissions, setSubmissions] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateWith(contactSchema, draft);
    setErrors(result.ok ? {} : result.errors);
    setSubmissions((n) => n + 1);
    if (result.ok) onSubmit();
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
      {(Object.keys(fields) as ContactField[]).map((key) => {
        const field = fields[key];
        return (
          <Input
            key={key}
            label={field.label}
            hintText={field.hint}
            {...fieldState(errors[key])}
            nativeInputProps={{
              ...field.input,
              id: field.id,
              value: draft[key],
              onChange: (event) => {
                onDraftChange({ [key]: event.target.value });
                clear(key);
              },
              "aria-invalid": errors[key] ? true : undefined,
            }}
          />
        );
      })}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-4w")}>
        <li>
          <Button type="submit" disabled={submitting}>
            {submitting ? "Création du compte…" : "Créer mon compte"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onBack}>
            Étape précédente
          </Button>
        </li>
      </ul>
    </form>
  );
}
