import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation } from "@tanstack/react-query";
import { APPLICATION_LIMITS } from "@tremplin/core";
import { type FormEvent, type InputHTMLAttributes, type ReactNode, useEffect, useRef, useState } from "react";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import { fieldState } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import { ApplicationSent } from "./ApplicationSent.js";
import {
  type ApplicationTarget,
  type ApplicationValues,
  applicationErrorFields,
  applicationRefusal,
  cvProblem,
  emptyApplication,
  isSpontaneous,
  validateApplication,
} from "./application-form.js";
import { sendApplication } from "./send-application.js";

type TextField = keyof ApplicationValues;

const textFields: Record<
  Exclude<TextField, "message">,
  { id: string; label: string; hint?: string; input: InputHTMLAttributes<HTMLInputElement> }
> = {
  firstName: { id: "candidature-prenom", label: "Prénom", input: { autoComplete: "given-name" } },
  lastName: { id: "candidature-nom", label: "Nom", input: { autoComplete: "family-name" } },
  email: {
    id: "candidature-email",
    label: "Adresse e-mail",
    hint: "Le recruteur vous répondra à cette adresse. Vous y recevrez aussi une copie de votre candidature.",
    input: { type: "email", autoComplete: "email", inputMode: "email" },
  },
  phone: {
    id: "candidature-telephone",
    label: "Téléphone",
    hint: "Pour que le recruteur puisse vous appeler. Format : 06 12 34 56 78",
    input: { type: "tel", autoComplete: "tel", inputMode: "tel" },
  },
};
const ids = { message: "candidature-message", cv: "candidature-cv" };
const summaryFields = {
  ...Object.fromEntries(Object.entries(textFields).map(([key, f]) => [key, { id: f.id, label: f.label }])),
  message: { id: ids.message, label: "Message" },
  cv: { id: ids.cv, label: "CV" },
};

interface ApplicationFormProps {
  target: ApplicationTarget;
  /** Who receives it, for the confirmation (« Boulangerie Démo »). */
  recipientName: string;
  /** Said above the form only, not once the application is sent. */
  intro?: ReactNode;
}

/**
 * The application form, for an offer or a spontaneous application (then the CV is required).
 * Checked with core's schemas before sending; a refusal from the API is shown on its field or above
 * the form, and everything typed (the chosen file included) stays as it was.
 */
export function ApplicationForm({ target, recipientName, intro }: ApplicationFormProps) {
  const cvRequired = isSpontaneous(target);
  const [values, setValues] = useState<ApplicationValues>(emptyApplication);
  const [cv, setCv] = useState<File | null>(null);
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  const send = useMutation({
    mutationFn: () => sendApplication(target, values, cv),
    onError: (error) => {
      setErrors(applicationErrorFields(error));
      setSubmissions((n) => n + 1);
    },
  });

  // A refusal about the whole application (limits, closed offer) has no field: said above the form, focused.
  const generalError = send.isError && Object.keys(applicationErrorFields(send.error)).length === 0;
  const generalAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (generalError) generalAlert.current?.focus();
  }, [generalError]);

  if (send.data) return <ApplicationSent receipt={send.data} recipientName={recipientName} />;

  function edit(field: TextField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending) return;
    const problems = validateApplication(values, cv, cvRequired);
    setErrors(problems);
    setSubmissions((n) => n + 1);
    if (Object.keys(problems).length === 0) send.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Candidature : ${recipientName}`}>
      {intro}
      <p className={fr.cx("fr-text--sm")}>
        Tous les champs sont obligatoires, sauf le message{cvRequired ? "" : " et le CV"}.
      </p>
      <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
      {generalError && (
        <div ref={generalAlert} tabIndex={-1}>
          <Alert
            {...applicationRefusal(send.error)}
            description={errorMessage(send.error)}
            className={fr.cx("fr-mb-3w")}
          />
        </div>
      )}
      {(Object.keys(textFields) as Exclude<TextField, "message">[]).map((key) => {
        const field = textFields[key];
        return (
          <Input
            key={key}
            label={field.label}
            hintText={field.hint}
            {...fieldState(errors[key])}
            nativeInputProps={{
              ...field.input,
              id: field.id,
              value: values[key],
              onChange: (event) => edit(key, event.target.value),
              "aria-invalid": errors[key] ? true : undefined,
            }}
          />
        );
      })}
      <Input
        label="Message (facultatif)"
        hintText="Quelques mots pour le recruteur : pourquoi ce métier, vos disponibilités, la formation visée."
        textArea
        {...fieldState(errors.message)}
        nativeTextAreaProps={{
          id: ids.message,
          rows: 5,
          maxLength: APPLICATION_LIMITS.message,
          value: values.message,
          onChange: (event) => edit("message", event.target.value),
          "aria-invalid": errors.message ? true : undefined,
        }}
      />
      <Upload
        label={cvRequired ? "Votre CV" : "Votre CV (facultatif)"}
        hint="Fichier PDF ou Word (.docx), 3 Mo au plus."
        {...(errors.cv ? { state: "error" as const, stateRelatedMessage: errors.cv } : {})}
        nativeInputProps={{
          id: ids.cv,
          accept: ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          onChange: (event) => {
            const file = event.target.files?.[0] ?? null;
            setCv(file);
            // Said at once: better than after a long upload on a phone.
            const problem = cvProblem(file, false);
            if (problem) setErrors((current) => ({ ...current, cv: problem }));
            else clear("cv");
          },
          "aria-invalid": errors.cv ? true : undefined,
        }}
      />
      <Button type="submit" disabled={send.isPending} className={fr.cx("fr-mt-4w")}>
        {send.isPending ? "Envoi en cours…" : "Envoyer ma candidature"}
      </Button>
    </form>
  );
}
