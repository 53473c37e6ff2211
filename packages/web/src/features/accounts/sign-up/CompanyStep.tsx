import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { formatSiret, signUpSchema } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "../../../components/forms/ErrorSummary.js";
import { type FieldErrors, fieldState, validateWith } from "../../../components/forms/field-errors.js";
import { useFieldErrors } from "../../../components/forms/use-field-errors.js";
import { CompanyCard } from "./CompanyCard.js";
import { firstOpcoInputId, OpcoChoice } from "./OpcoChoice.js";
import { type CompanyCheck, needsOpcoChoice, type SignUpDraft } from "./sign-up-flow.js";

const companyNameSchema = signUpSchema.pick({ companyName: true }).required();
const companyNameFieldId = "inscription-nom-entreprise";
const summaryFields = {
  companyName: { id: companyNameFieldId, label: "Nom de l'entreprise" },
  opco: { id: firstOpcoInputId, label: "OPCO" },
};

interface CompanyStepProps {
  check: Extract<CompanyCheck, { kind: "found" | "notDiffusible" }>;
  draft: SignUpDraft;
  onDraftChange: (changes: Partial<SignUpDraft>) => void;
  onBack: () => void;
  onConfirm: () => void;
  serverErrors: FieldErrors;
}

/** Step 2: the person recognises their establishment, names it when it is not public, picks the OPCO if unknown. */
export function CompanyStep({ check, draft, onDraftChange, onBack, onConfirm, serverErrors }: CompanyStepProps) {
  const { errors, setErrors, clear } = useFieldErrors(serverErrors);
  const [submissions, setSubmissions] = useState(0);
  const askOpco = needsOpcoChoice(check);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (check.kind === "notDiffusible") {
      const name = validateWith(companyNameSchema, { companyName: draft.companyName });
      if (!name.ok) Object.assign(found, name.errors);
    }
    if (askOpco && !draft.opco) found.opco = "Choisissez votre OPCO, ou « Je ne sais pas ».";
    setErrors(found);
    setSubmissions((n) => n + 1);
    if (Object.keys(found).length === 0) onConfirm();
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
      {check.kind === "found" ? (
        <>
          <p>Voici ce que dit le répertoire Sirene de l'INSEE. Est-ce bien votre établissement ?</p>
          <CompanyCard company={check.company} />
        </>
      ) : (
        <>
          <Alert
            severity="info"
            className={fr.cx("fr-mb-4w")}
            title={`SIRET ${formatSiret(draft.siret.replace(/\D/g, ""))} : informations non publiques`}
            description="Le responsable de cet établissement a demandé à l'INSEE que ses informations ne soient pas diffusées. Vous pouvez tout de même créer votre compte : indiquez le nom sous lequel votre entreprise doit apparaître."
          />
          <Input
            label="Nom de l'entreprise"
            hintText="Tel qu'il apparaîtra sur vos offres"
            {...fieldState(errors.companyName)}
            nativeInputProps={{
              id: companyNameFieldId,
              value: draft.companyName,
              autoComplete: "organization",
              onChange: (event) => {
                onDraftChange({ companyName: event.target.value });
                clear("companyName");
              },
              "aria-invalid": errors.companyName ? true : undefined,
            }}
          />
        </>
      )}
      {askOpco && (
        <OpcoChoice
          value={draft.opco}
          onChange={(opco) => {
            onDraftChange({ opco });
            clear("opco");
          }}
          error={errors.opco}
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-4w")}>
        <li>
          <Button type="submit">{check.kind === "found" ? "C'est mon établissement, continuer" : "Continuer"}</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onBack}>
            Modifier le SIRET
          </Button>
        </li>
      </ul>
    </form>
  );
}
